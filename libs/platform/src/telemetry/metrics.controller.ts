import { Controller, Get, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { metricsExporter } from './metrics-exporter';

/** Prometheus text of every OpenTelemetry metric of the process. */
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  @Get()
  scrape(@Res() response: Response): void {
    metricsExporter().getMetricsRequestHandler(response.req, response);
  }
}
