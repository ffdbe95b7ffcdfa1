import { Controller, Get, Inject, Optional } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { HealthIndicatorResult } from '@nestjs/terminus';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { DataSource } from 'typeorm';
import { Open } from '../access/allow.decorator';

/** Provided by libs/messaging so readiness covers the broker without platform knowing Kafka. */
export const BROKER_HEALTH = Symbol('BROKER_HEALTH');
export interface BrokerHealth {
  isReachable(): Promise<boolean>;
}

@ApiExcludeController()
@Open('kubelet probes carry no credential, and the answer reveals nothing')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly dataSource: DataSource,
    @Optional() @Inject(BROKER_HEALTH) private readonly broker?: BrokerHealth,
  ) {}

  @Get('live')
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check([
      () => this.database.pingCheck('database'),
      () => this.migrations(),
      ...(this.broker ? [() => this.brokerCheck(this.broker as BrokerHealth)] : []),
    ]);
  }

  private async migrations(): Promise<HealthIndicatorResult> {
    const check = this.indicators.check('migrations');
    const pending = await this.dataSource.showMigrations();
    return pending ? check.down({ reason: 'pending migrations' }) : check.up();
  }

  private async brokerCheck(broker: BrokerHealth): Promise<HealthIndicatorResult> {
    const check = this.indicators.check('broker');
    return (await broker.isReachable()) ? check.up() : check.down({ reason: 'Kafka unreachable' });
  }
}
