export async function main(argv: string[]): Promise<number> {
  process.stdout.write(`netlab ${argv.join(' ')}\n`);
  return 0;
}
