import { useEffect, useRef, useState } from 'react';
import type { ContentProblem } from '../../../lib/authoring-api-client';
import { describeRequestProblem } from '../../../lib/describe-request-problem';
import { problemsOf } from './publish-problems';

/**
 * Publishing a draft: save it first, then publish, and keep the outcome — the problems a refusal
 * lists, another failure in words, or what was published. Each outcome takes focus once it is on
 * the page (`refusedRef`, `publishedRef`), so it is read first.
 */
export function usePublish<Published>({
  saveNow,
  publishDraft,
}: {
  saveNow: () => Promise<boolean>;
  publishDraft: () => Promise<Published>;
}) {
  const [publishing, setPublishing] = useState(false);
  const [refused, setRefused] = useState<ContentProblem[] | null>(null);
  const [publishProblem, setPublishProblem] = useState<string | null>(null);
  const [published, setPublished] = useState<Published | null>(null);
  const refusedRef = useRef<HTMLElement>(null);
  const publishedRef = useRef<HTMLElement>(null);

  useEffect(() => refusedRef.current?.focus(), [refused]);
  useEffect(() => publishedRef.current?.focus(), [published]);

  const publish = async () => {
    setPublishing(true);
    setRefused(null);
    setPublishProblem(null);
    setPublished(null);
    if (!(await saveNow())) {
      setPublishProblem('The draft is not saved yet, so it cannot be published. See above.');
      setPublishing(false);
      return;
    }
    try {
      setPublished(await publishDraft());
    } catch (error) {
      const problems = problemsOf(error);
      if (problems.length > 0) setRefused(problems);
      else setPublishProblem(describeRequestProblem(error));
    }
    setPublishing(false);
  };

  return { publish, publishing, refused, publishProblem, published, refusedRef, publishedRef };
}
