import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsBoolean } from 'class-validator';

/** "true"/"false" from the environment; anything else stays as given and fails validation. */
export function EnvBoolean() {
  return applyDecorators(
    Transform(({ obj, key }: { obj: Record<string, unknown>; key: string }) => {
      const raw = obj[key];
      if (raw === undefined || typeof raw === 'boolean') return raw;
      return raw === 'true' ? true : raw === 'false' ? false : raw;
    }),
    IsBoolean({ message: '$property must be true or false' }),
  );
}
