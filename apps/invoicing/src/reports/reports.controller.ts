import { BadRequestException, Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Allow } from '@tradeflow/platform';
import { DataSource } from 'typeorm';
import { DOCUMENT_READERS } from '../document-readers';
import { RevenueQueryDto } from './dto/revenue-query.dto';
import { RevenueReportView } from './dto/revenue-report-view.dto';
import { isFieldProblem, reportPeriod, revenueCsv, revenueRow } from './revenue-report';
import { revenueSums } from './revenue-report.queries';

interface ContentTypeSetter {
  type(contentType: string): unknown;
}

@ApiTags('reports')
@Controller('v1/reports')
export class ReportsController {
  constructor(private readonly dataSource: DataSource) {}

  @Get('revenue')
  @Allow(DOCUMENT_READERS)
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({
    type: RevenueReportView,
    description: 'Rows per group and currency (docs/design.md#revenue-report); with Accept: text/csv or format=csv the same rows as CSV',
  })
  @ApiBadRequestResponse({ description: 'from, to, groupBy, currency or format malformed, to before from, or more than 366 days; the message names the field' })
  async revenue(
    @Query() query: RevenueQueryDto,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) response: ContentTypeSetter,
  ): Promise<RevenueReportView | string> {
    const period = reportPeriod(query.from, query.to);
    if (isFieldProblem(period)) throw new BadRequestException(period.message);
    const currency = query.currency ?? null;
    const rows = (await revenueSums(this.dataSource.manager, query.groupBy, period, currency)).map(revenueRow);
    if (query.format === 'csv' || (query.format === undefined && accept?.includes('text/csv'))) {
      response.type('text/csv; charset=utf-8');
      return revenueCsv(query.groupBy, rows);
    }
    return { from: query.from, to: query.to, groupBy: query.groupBy, currency, rows };
  }
}
