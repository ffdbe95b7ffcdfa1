import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBody, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { Allow } from '@tradeflow/platform';
import { DeadLetters } from '../dead-letter/dead-letters';
import type { DescribedDeadLetter } from '../dead-letter/dead-letters';
import { DLQ_HEADER } from '../dead-letter/dead-letter-headers';
import {
  DeadLetterListView,
  DeadLetterView,
  DismissDeadLettersDto,
  DismissResultView,
  ListDeadLettersQuery,
  ReplayDeadLettersDto,
  ReplayResultView,
} from './dto/dead-letter.dto';

/** Every service's dead letters over HTTP; `npm run dlq` does the same from a shell. */
@ApiTags('operations')
@ApiExtraModels(ReplayDeadLettersDto)
@Controller('v1/dead-letters')
export class DeadLettersController {
  constructor(private readonly deadLetters: DeadLetters) {}

  @Get()
  @Allow(['ops', 'auditor'])
  @ApiOperation({ summary: "This service's dead letters with their reasons and decoded payloads (replayed and dismissed ones only if asked)" })
  @ApiOkResponse({ type: DeadLetterListView })
  async list(@Query() query: ListDeadLettersQuery): Promise<DeadLetterListView> {
    const { limit = 100, ...filter } = query;
    const { count, deadLetters } = await this.deadLetters.page(filter, limit);
    return { deadLetterTopic: this.deadLetters.topic, count, deadLetters: deadLetters.map(withoutStack) };
  }

  @Post('dismiss')
  @HttpCode(200)
  @Allow(['ops'], { action: 'dismiss-dead-letters', reasonRequired: true })
  @ApiOperation({ summary: 'Marks dead letters that must never apply (garbage, a forged event): never replayed, not counted as open' })
  @ApiOkResponse({ type: DismissResultView })
  dismiss(@Body() { ids, reason }: DismissDeadLettersDto): Promise<DismissResultView> {
    return this.deadLetters.dismiss(ids, reason);
  }

  @Post('replay')
  @HttpCode(200)
  @Allow(['ops'], { action: 'replay-dead-letters', reasonRequired: true, reasonField: 'justification' })
  @ApiOperation({ summary: 'Sends dead letters back to their original topic, for this service only; each once' })
  @ApiBody({
    schema: {
      allOf: [{ $ref: getSchemaPath(ReplayDeadLettersDto) }],
      // What describeMissingSelection refuses: a selection that names nothing and does not ask for all.
      required: ['justification'],
      anyOf: [
        { required: ['ids'], properties: { ids: { type: 'array', minItems: 1 } } },
        { required: ['reason'] },
        { required: ['errorClass'] },
        { required: ['eventType'] },
        { required: ['all'], properties: { all: { type: 'boolean', enum: [true] } } },
      ],
    },
  })
  @ApiOkResponse({ type: ReplayResultView })
  @ApiBadRequestResponse({ description: 'Nothing named: give ids, reason, errorClass, eventType or all' })
  replay(@Body() selection: ReplayDeadLettersDto): Promise<ReplayResultView> {
    return this.deadLetters.replay(selection);
  }
}

/** Stacks name code paths and library versions: useful to whoever fixes the cause, not to every API reader (`npm run dlq` shows them). */
function withoutStack(letter: DescribedDeadLetter): DeadLetterView {
  const shown: Partial<DescribedDeadLetter> = { ...letter, headers: { ...letter.headers } };
  delete shown.errorStack;
  delete shown.headers?.[DLQ_HEADER.errorStack];
  return shown as DeadLetterView;
}
