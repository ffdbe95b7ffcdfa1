import { AvroSchemaParser } from '@asyncapi/avro-schema-parser';
import { DiagnosticSeverity, Parser } from '@asyncapi/parser';

/**
 * The errors @asyncapi/parser finds in a document, Avro payloads included (the Avro schema parser
 * checks each payload schema too); empty when the document is valid.
 */
export async function asyncApiErrors(yaml: string): Promise<string[]> {
  const parser = new Parser();
  parser.registerSchemaParser(AvroSchemaParser());
  const { document, diagnostics } = await parser.parse(yaml);
  const errors = diagnostics
    .filter((diagnostic) => diagnostic.severity === DiagnosticSeverity.Error)
    .map((diagnostic) => `${diagnostic.path.join('.')}: ${diagnostic.message}`);
  if (!document && errors.length === 0) errors.push('the parser returned no document');
  return errors;
}
