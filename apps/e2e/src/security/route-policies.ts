import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ACCESS_POLICY } from '@tradeflow/platform';
import 'reflect-metadata';

/** A route handler of a controller class, by class and method name, with the policy that applies to it. */
export interface RouteHandler {
  controller: string;
  handler: string;
  hasPolicy: boolean;
}

/**
 * Every route handler of the given classes that are controllers (`@Controller`): methods with a
 * route decorator (`@Get`, `@Post`, …). A policy counts on the method or on its class, as the
 * access guard reads it (getAllAndOverride).
 */
export function routeHandlers(classes: readonly unknown[]): RouteHandler[] {
  const controllers = classes.filter((candidate): candidate is new (...args: never[]) => unknown =>
    typeof candidate === 'function' && Reflect.hasOwnMetadata(PATH_METADATA, candidate),
  );
  return controllers.flatMap((controller) => {
    const prototype = controller.prototype as Record<string, unknown>;
    const classPolicy = Reflect.getMetadata(ACCESS_POLICY, controller) !== undefined;
    return Object.getOwnPropertyNames(prototype)
      .filter((name) => name !== 'constructor')
      .flatMap((name) => {
        const method = Object.getOwnPropertyDescriptor(prototype, name)?.value as object | undefined;
        if (typeof method !== 'function' || Reflect.getMetadata(METHOD_METADATA, method) === undefined) return [];
        const hasPolicy = classPolicy || Reflect.getMetadata(ACCESS_POLICY, method) !== undefined;
        return [{ controller: controller.name, handler: name, hasPolicy }];
      });
  });
}
