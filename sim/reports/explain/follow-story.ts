// The story of the first messages of one strategy: runs the scenario with a trace and stops the run
// as soon as every followed message is done (sim trace and the playground both tell it this way).
import { runScenario } from '../../metrics/run.js';
import type { Scenario } from '../../model/scenario-types.js';
import type { Step } from './trace-steps.js';
import { TraceStory, type StoryOptions } from './trace-story.js';

const STORY_COMPLETE = Symbol('story complete');

/** The steps, and how many of the messages asked for the run sent at all. */
export async function followStory(scenario: Scenario, strategy: string, options: StoryOptions): Promise<{ steps: Step[]; found: number }> {
  const story = new TraceStory(options);
  try {
    await runScenario(scenario, {
      strategies: [strategy],
      trace: (record) => {
        story.push(record);
        if (story.complete) throw STORY_COMPLETE;
      },
    });
  } catch (error) {
    if (error !== STORY_COMPLETE) throw error;
  }
  const found = story.found;
  return { steps: story.finish(), found };
}
