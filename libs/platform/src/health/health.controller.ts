import { Controller, Get } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { HealthIndicatorResult } from '@nestjs/terminus';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { DataSource } from 'typeorm';
import { Open } from '../access/allow.decorator';

/**
 * Liveness: the process answers (a wedged event loop does not), whatever its dependencies do, so
 * an outage never restarts pods. Readiness: the service's own database is up and its schema is
 * current — all a request needs. The broker is not asked: writes go to the outbox and wait for
 * Kafka there, so a broker outage shows in the metrics (outbox age, lag), not as an HTTP outage.
 */
@ApiExcludeController()
@Open('kubelet probes carry no credential, and the answer reveals nothing')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly dataSource: DataSource,
  ) {}

  @Get('live')
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check([() => this.database.pingCheck('database'), () => this.migrations()]);
  }

  private async migrations(): Promise<HealthIndicatorResult> {
    const check = this.indicators.check('migrations');
    const pending = await this.dataSource.showMigrations();
    return pending ? check.down({ reason: 'pending migrations' }) : check.up();
  }
}
