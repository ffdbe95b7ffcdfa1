import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsInt, Matches, Max, Min, ValidateIf } from 'class-validator';
import type { DeadLetter } from '../../dead-letter/dead-letter';
import { Reason } from '@tradeflow/platform';

const WORD = /^[A-Za-z0-9._-]{1,128}$/;
/** The same rule, for the OpenAPI document. */
const WORD_PATTERN = WORD.source;
/** Query strings carry "true"/"false"; anything else stays as it is, for IsBoolean to refuse. */
const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);
/** Optional, but not nullable: unlike IsOptional, a null is validated (and refused), as the document says. */
const Optional = () => ValidateIf((_object: unknown, value: unknown) => value !== undefined);

export class DeadLetterFilterDto {
  @ApiPropertyOptional({ pattern: WORD_PATTERN, example: 'unknown-schema-id', description: 'e.g. not-wire-format, unknown-schema-id, invalid-payload, record-too-large, handler-error' })
  @Optional()
  @Matches(WORD, { message: 'reason must be one word' })
  reason?: string;

  @ApiPropertyOptional({ pattern: WORD_PATTERN, example: 'UndecodableEventError' })
  @Optional()
  @Matches(WORD, { message: 'errorClass must be one word' })
  errorClass?: string;

  @ApiPropertyOptional({ pattern: WORD_PATTERN, example: 'OrderApproved' })
  @Optional()
  @Matches(WORD, { message: 'eventType must be one word' })
  eventType?: string;

  @ApiPropertyOptional({ description: 'Also dead letters already replayed (replay: replay them again)' })
  @Optional()
  @Transform(toBoolean)
  @IsBoolean()
  includeReplayed?: boolean;

  @ApiPropertyOptional({ description: 'Also dead letters dismissed (replay never sends them)' })
  @Optional()
  @Transform(toBoolean)
  @IsBoolean()
  includeDismissed?: boolean;
}

export class ListDeadLettersQuery extends DeadLetterFilterDto {
  @ApiPropertyOptional({ type: 'integer', default: 100, minimum: 1, maximum: 1000 })
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}

export class ReplayDeadLettersDto extends DeadLetterFilterDto {
  @ApiPropertyOptional({
    type: 'string',
    isArray: true,
    pattern: '^\\d+:\\d+$',
    maxItems: 10_000,
    example: ['0:12', '2:3'],
    description: 'Dead-letter ids, <partition>:<offset>',
  })
  @Optional()
  @IsArray()
  @ArrayMaxSize(10_000)
  @Matches(/^\d+:\d+$/, { each: true, message: 'each id must be <partition>:<offset>' })
  ids?: string[];

  @ApiPropertyOptional({ description: 'Replay every dead letter not replayed yet; needed when nothing else is named' })
  @Optional()
  @IsBoolean()
  all?: boolean;

  @Reason({
    example: 'consumer fixed in 1.4.2',
    description: 'Why these letters go back (the cause that was fixed); kept in the audit trail. `reason` filters by the letter\'s reason.',
  })
  justification!: string;
}

export class DismissDeadLettersDto {
  @ApiProperty({ type: 'string', isArray: true, pattern: '^\\d+:\\d+$', minItems: 1, maxItems: 1000, example: ['0:12'], description: 'Dead-letter ids, <partition>:<offset>' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @Matches(/^\d+:\d+$/, { each: true, message: 'each id must be <partition>:<offset>' })
  ids!: string[];

  @Reason({ example: 'forged record', description: 'Why these letters must never apply (garbage, a forged event); kept with the letters and in the audit trail' })
  reason!: string;
}

/** A dead letter as the API shows it: no stack trace (it names code paths); `npm run dlq` shows the whole letter. */
export class DeadLetterView implements Omit<DeadLetter, 'errorStack'> {
  @ApiProperty({ example: '0:12' }) id!: string;
  @ApiProperty() deadLetterTopic!: string;
  @ApiProperty() originalTopic!: string;
  @ApiProperty() originalPartition!: number;
  @ApiProperty() originalOffset!: string;
  @ApiProperty({ nullable: true, type: String }) key!: string | null;
  @ApiProperty({ nullable: true, type: String }) eventType!: string | null;
  @ApiProperty({ nullable: true, type: String }) eventId!: string | null;
  @ApiProperty({ example: 'handler-error' }) reason!: string;
  @ApiProperty() errorClass!: string;
  @ApiProperty() errorMessage!: string;
  @ApiProperty() attempts!: number;
  @ApiProperty({ nullable: true, type: String }) firstFailureAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) lastFailureAt!: string | null;
  @ApiProperty({ description: 'The consumer group that gave up on it' }) consumer!: string;
  @ApiProperty({ nullable: true, type: Number }) valueBytes!: number | null;
  @ApiProperty({ description: 'The value was too large to keep; such a dead letter cannot be replayed' })
  valueOmitted!: boolean;
  @ApiProperty({ nullable: true, type: String }) replayedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The dead letter this one was replayed from' })
  replayOf!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'When it was dismissed: it must never apply' }) dismissedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) dismissReason!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, description: "The record's headers as text (its own and the dlq-* ones, without dlq-error-stack)" })
  headers!: Record<string, string>;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'The event, decoded through the schema registry; null when it does not decode' })
  payload!: Record<string, unknown> | null;
  @ApiProperty({ nullable: true, type: String, example: 'not-wire-format: Message does not start with magic byte 0 and a schema id', description: 'Why payload is null' })
  undecodable!: string | null;
}

export class DeadLetterListView {
  @ApiProperty() deadLetterTopic!: string;
  @ApiProperty({ description: 'How many match, before the limit' }) count!: number;
  @ApiProperty({ type: [DeadLetterView], description: 'Oldest failure first' }) deadLetters!: DeadLetterView[];
}

export class SkippedReplayView {
  @ApiProperty() id!: string;
  @ApiProperty() why!: string;
}

export class DismissResultView {
  @ApiProperty({ type: [String] }) dismissed!: string[];
  @ApiProperty({ type: [SkippedReplayView], description: 'Named but not dismissed: unknown, already dismissed or already replayed' })
  skipped!: SkippedReplayView[];
}

export class ReplayResultView {
  @ApiProperty({ type: [String] }) replayed!: string[];
  @ApiProperty({ type: [SkippedReplayView] }) skipped!: SkippedReplayView[];
}
