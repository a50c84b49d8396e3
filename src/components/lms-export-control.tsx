import { useEffect, useId, useRef, useState } from 'react';
import { formatCount } from '../domain/plural';
import { describeRequestProblem } from '../lib/describe-request-problem';
import {
  authoringApi,
  LMS_FORMATS,
  type LmsExportReport,
  type LmsFormat,
} from '../lib/authoring-api-client';
import { AppForm } from './app-form';
import { FormAlert } from './form-alert';
import { countReportedQuestions, InteropReport } from './interop-report';
import './lms-export-control.css';

const SOURCE_TEXT: Record<LmsExportReport['source'], (report: LmsExportReport) => string> = {
  shipped: () => 'the quiz as it ships',
  published: (report) => `published version ${report.version ?? ''}`.trim(),
  draft: () => 'the draft (never published)',
};

function summarise(report: LmsExportReport): string {
  const lost = countReportedQuestions(report.report);
  const exported = `${formatCount(report.questionCount, 'question')} of ${SOURCE_TEXT[report.source](report)}`;
  return lost === 0
    ? `${exported}: nothing is lost in this format.`
    : `${exported}: ${formatCount(lost, 'question')} with a loss or left out, listed below.`;
}

/**
 * Exports one quiz (shipped or the teacher's own) for an LMS: the teacher picks a format, sees
 * what the format cannot hold before downloading, then downloads the file.
 */
export function LmsExportControl({ bankId, bankTitle }: { bankId: string; bankTitle?: string }) {
  const formatId = useId();
  const resultId = useId();
  const [format, setFormat] = useState<LmsFormat>('gift');
  const [report, setReport] = useState<LmsExportReport | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const resultRef = useRef<HTMLElement>(null);
  // The result appears below the form: focus moves there so it is read at once.
  useEffect(() => {
    if (report) resultRef.current?.focus();
  }, [report]);

  const prepare = async () => {
    setBusy(true);
    setProblem(null);
    setReport(null);
    try {
      setReport(await authoringApi.lmsExportReport(bankId, format));
    } catch (error) {
      setProblem(describeRequestProblem(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="lms-export">
      <AppForm className="lms-export-form" onSubmit={prepare}>
        <div className="field">
          <label className="field-label" htmlFor={formatId}>
            Export {bankTitle ? `“${bankTitle}”` : 'this quiz'} for an LMS
          </label>
          <select
            id={formatId}
            className="select-input"
            value={format}
            onChange={(event) => {
              setFormat(event.target.value as LmsFormat);
              setReport(null);
            }}
          >
            {LMS_FORMATS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Exporting…' : 'Export'}
        </button>
      </AppForm>
      <FormAlert message={problem} />
      {report && (
        <section
          ref={resultRef}
          tabIndex={-1}
          className="notice lms-export-result"
          aria-labelledby={resultId}
        >
          <h3 id={resultId}>{report.fileName}</h3>
          <p>{summarise(report)}</p>
          <InteropReport notes={report.report} headingLevel={4} />
          <p>
            <a
              className="button button-primary"
              href={authoringApi.lmsExportHref(bankId, report.format)}
              download={report.fileName}
            >
              Download {report.fileName}
            </a>
          </p>
        </section>
      )}
    </div>
  );
}
