// A problem with what the user gave the distributed commands (options, shard folders, a queue of
// another version): printed as is, exit 2, so a scheduler does not retry it.
export class DistributedInputError extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join('\n'));
  }
}
