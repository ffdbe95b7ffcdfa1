import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBody, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { Allow } from '@tradeflow/platform';
import { DeadLetters } from '../dead-letter/dead-letters';
import type { DeadLetter } from '../dead-letter/dead-letter';
import { DeadLetterListView, DeadLetterView, ListDeadLettersQuery, ReplayDeadLettersDto, ReplayResultView } from './dto/dead-letter.dto';

/** Every service's dead letters over HTTP; `npm run dlq` does the same from a shell. */
@ApiTags('operations')
@ApiExtraModels(ReplayDeadLettersDto)
@Controller('v1/dead-letters')
export class DeadLettersController {
  constructor(private readonly deadLetters: DeadLetters) {}

  @Get()
  @Allow(['ops', 'auditor'])
  @ApiOperation({ summary: "This service's dead letters with their reasons (replayed ones only if asked)" })
  @ApiOkResponse({ type: DeadLetterListView })
  async list(@Query() query: ListDeadLettersQuery): Promise<DeadLetterListView> {
    const { limit = 100, ...filter } = query;
    const all = await this.deadLetters.list(filter);
    all.sort((a, b) => (a.lastFailureAt ?? '').localeCompare(b.lastFailureAt ?? ''));
    return { deadLetterTopic: this.deadLetters.topic, count: all.length, deadLetters: all.slice(0, limit).map(withoutStack) };
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
function withoutStack(letter: DeadLetter): DeadLetterView {
  const shown: Partial<DeadLetter> = { ...letter };
  delete shown.errorStack;
  return shown as DeadLetterView;
}
