import { runDeadLetterCommand } from './dead-letter-command';

describe('npm run dlq', () => {
  const run = async (...argv: string[]) => {
    const output: string[] = [];
    const code = await runDeadLetterCommand(argv, {}, (line) => output.push(line));
    return { code, output: output.join('\n') };
  };

  it('explains itself on a wrong command, a missing service or a stray argument', async () => {
    expect(await run('frobnicate', '--service', 'inventory')).toEqual({ code: 2, output: expect.stringMatching(/unknown command "frobnicate"[\s\S]*usage: npm run dlq/) });
    expect(await run('list')).toEqual({ code: 2, output: expect.stringMatching(/--service \(or --group\) is required/) });
    expect(await run('replay', 'now', '--service', 'inventory')).toEqual({ code: 2, output: expect.stringMatching(/unexpected arguments: now/) });
    expect(await run('dismiss', '--service', 'inventory', '--id', '0:3')).toEqual({ code: 2, output: expect.stringMatching(/dismiss needs --id \(repeatable\) and --reason <why>/) });
    expect(await run('list', '--service', 'inventory', '--colour')).toEqual({ code: 2, output: expect.stringMatching(/Unknown option '--colour'/) });
  });
});
