import { rowsOfCsv, UnreadableCsv } from './product-csv';

describe('rowsOfCsv', () => {
  it('reads one product per row, numbered by line; lists split at "|"; empty cells left out', () => {
    const csv = [
      'sku,version,name,description,unitOfMeasure,taxClass,weightGrams,gtins,excludedWarehouses',
      'MUG,7,"Red mug, 350 ml",,C62,STANDARD,420,4006381333931|96385074,',
      '',
      'TEA,x,Tea,,KGM,REDUCED,,,HAM | BER',
    ].join('\n');
    expect(rowsOfCsv(csv)).toEqual({
      rows: [
        {
          row: 2,
          input: { sku: 'MUG', version: 7, name: 'Red mug, 350 ml', unitOfMeasure: 'C62', taxClass: 'STANDARD', weightGrams: 420, gtins: ['4006381333931', '96385074'] },
        },
        { row: 4, input: { sku: 'TEA', version: 'x', name: 'Tea', unitOfMeasure: 'KGM', taxClass: 'REDUCED', excludedWarehouses: ['HAM', 'BER'] } },
      ],
      rejected: [],
    });
  });

  it('reports a row whose cells do not match the header instead of guessing', () => {
    const csv = 'sku,version,name,unitOfMeasure,taxClass\nMUG,1,Mug,C62\nTEA,1,Tea,KGM,ZERO\n';
    expect(rowsOfCsv(csv)).toEqual({
      rows: [{ row: 3, input: { sku: 'TEA', version: 1, name: 'Tea', unitOfMeasure: 'KGM', taxClass: 'ZERO' } }],
      rejected: [{ row: 2, sku: 'MUG', errors: [{ field: 'line', message: 'has 4 cells, the header 5' }] }],
    });
  });

  it('refuses a file it cannot read as a product table', () => {
    expect(() => rowsOfCsv('')).toThrow(new UnreadableCsv('the CSV is empty: its first row must name the columns'));
    expect(() => rowsOfCsv('sku,version,name,unitOfMeasure,taxClass,colour\n')).toThrow('unknown column colour');
    expect(() => rowsOfCsv('sku,version,name\n')).toThrow('the header lacks the required column unitOfMeasure, taxClass');
    expect(() => rowsOfCsv('sku,sku,version,name,unitOfMeasure,taxClass\n')).toThrow('column sku appears twice');
    expect(() => rowsOfCsv('sku,version,name,unitOfMeasure,taxClass\n"MUG,1\n')).toThrow(/the CSV cannot be read: Quote Not Closed/);
  });
});
