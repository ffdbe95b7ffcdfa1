import { Controller, Get, Inject, Param, ParseUUIDPipe } from '@nestjs/common';
import { Allow, STAFF } from '@tradeflow/platform';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { CONSOLE_SETTINGS } from '../console-settings.provider';
import type { ConsoleSettings } from '../console-settings';
import type { StoredSpan } from './trace-waterfall';
import { waterfalls } from './trace-waterfall';

/**
 * An order's traces: as waterfalls from the local trace store when there is one (npm start), and
 * as links into the tracing backend when CONSOLE_TRACE_URL_TEMPLATE names one (production).
 */
@Controller('api/traces')
export class TracesController {
  constructor(@Inject(CONSOLE_SETTINGS) private readonly settings: ConsoleSettings) {}

  @Get('link-template')
  @Allow([...STAFF])
  template() {
    return { template: this.settings.CONSOLE_TRACE_URL_TEMPLATE ?? null };
  }

  @Get(':orderId')
  @Allow([...STAFF])
  async of(@Param('orderId', new ParseUUIDPipe()) orderId: string) {
    const file = this.settings.TRACE_STORE_FILE;
    const traces = file && existsSync(file) ? waterfalls(await readSpans(file), orderId) : [];
    return {
      store: Boolean(file),
      traces: traces.map((trace) => ({ ...trace, link: this.link(trace.traceId) })),
    };
  }

  private link(traceId: string): string | null {
    return this.settings.CONSOLE_TRACE_URL_TEMPLATE?.replace('{traceId}', traceId) ?? null;
  }
}

async function readSpans(file: string): Promise<StoredSpan[]> {
  const text = await readFile(file, 'utf8');
  return text
    .split('\n')
    .filter(Boolean)
    .flatMap((line) => {
      try {
        return [JSON.parse(line) as StoredSpan];
      } catch {
        // The receiver may be writing the last line right now.
        return [];
      }
    });
}
