import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import type { DeadLetter } from '../../dead-letter/dead-letter';

const WORD = /^[A-Za-z0-9._-]{1,128}$/;
const toBoolean = ({ value }: { value: unknown }) => value === true || value === 'true';

export class DeadLetterFilterDto {
  @ApiPropertyOptional({ example: 'unknown-schema-id', description: 'e.g. not-wire-format, unknown-schema-id, invalid-payload, record-too-large, handler-error' })
  @IsOptional()
  @Matches(WORD, { message: 'reason must be one word' })
  reason?: string;

  @ApiPropertyOptional({ example: 'UndecodableEventError' })
  @IsOptional()
  @Matches(WORD, { message: 'errorClass must be one word' })
  errorClass?: string;

  @ApiPropertyOptional({ example: 'OrderApproved' })
  @IsOptional()
  @Matches(WORD, { message: 'eventType must be one word' })
  eventType?: string;

  @ApiPropertyOptional({ description: 'Also dead letters already replayed (replay: replay them again)' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  includeReplayed?: boolean;
}

export class ListDeadLettersQuery extends DeadLetterFilterDto {
  @ApiPropertyOptional({ default: 100, maximum: 1000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}

export class ReplayDeadLettersDto extends DeadLetterFilterDto {
  @ApiPropertyOptional({ example: ['0:12', '2:3'], description: 'Dead-letter ids, <partition>:<offset>' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10_000)
  @Matches(/^\d+:\d+$/, { each: true, message: 'each id must be <partition>:<offset>' })
  ids?: string[];

  @ApiPropertyOptional({ description: 'Replay every dead letter not replayed yet; needed when nothing else is named' })
  @IsOptional()
  @IsBoolean()
  all?: boolean;
}

export class DeadLetterView implements DeadLetter {
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
  @ApiProperty({ description: 'Truncated to 2000 characters' }) errorStack!: string;
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

export class ReplayResultView {
  @ApiProperty({ type: [String] }) replayed!: string[];
  @ApiProperty({ type: [SkippedReplayView] }) skipped!: SkippedReplayView[];
}
