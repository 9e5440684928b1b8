import {
  createContext,
  type FormHTMLAttributes,
  type InputHTMLAttributes,
  type ReactNode,
  type TextareaHTMLAttributes,
  useContext,
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
} from "react";
import { useI18n } from "../i18n/i18n.tsx";
import type { Language } from "../i18n/messages.ts";
import { translate } from "../i18n/messages.ts";

/**
 * Forms in the pattern of Det Fælles Designsystem (DKFDS): `noValidate`, so the browser's own
 * English bubbles never show; on submit, the app checks required fields and Danish dates
 * itself, lists the problems in an error summary at the top (links to each field) and
 * writes each field's message above the field.
 */
export interface FieldProblem {
  id: string;
  text: string;
}

const ProblemsContext = createContext<FieldProblem[]>([]);

type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

/** The label a person sees for a control: data-label, the label's first span, or aria-label. */
function labelOf(el: Control): string {
  const explicit = el.dataset.label;
  if (explicit) return explicit;
  const label = el.labels?.[0];
  const text = label?.querySelector("span")?.textContent ?? label?.textContent ?? el.getAttribute("aria-label") ?? "";
  return text.trim();
}

const DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;
const TIME = /^(\d{1,2})[:.](\d{2})$/;

/** A Danish date (dd.mm.åååå) as [year, month, day], or null. */
export function parseDanishDate(text: string): [number, number, number] | null {
  const m = text.trim().match(DATE);
  if (!m) return null;
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(year, month - 1, day);
  return d.getFullYear() === year && d.getMonth() === month - 1 && d.getDate() === day ? [year, month, day] : null;
}

/** A 24-hour time (tt:mm, or tt.mm as Danes also write it) as [hours, minutes], or null. */
export function parseDanishTime(text: string): [number, number] | null {
  const m = text.trim().match(TIME);
  if (!m) return null;
  const [h, min] = [Number(m[1]), Number(m[2])];
  return h < 24 && min < 60 ? [h, min] : null;
}

/** The problems of a form's fields, in the order a person meets them. */
export function validateForm(form: HTMLFormElement, language: Language): FieldProblem[] {
  const problems: FieldProblem[] = [];
  let n = 0;
  for (const element of Array.from(form.elements)) {
    if (!(element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement)) continue;
    if (element.disabled || element.type === "hidden" || element.type === "checkbox" || element.type === "radio") continue;
    if (!element.id) element.id = `${form.id || "form"}-field-${n++}`;
    const value = element.value.trim();
    const label = labelOf(element);
    const kind = element.dataset.kind;
    let text: string | null = null;
    if (element.required && value === "") text = translate(language, "error.reason.required", { label });
    else if (kind === "date" && value !== "" && !parseDanishDate(value)) text = translate(language, "error.reason.date", { label });
    else if (kind === "time" && value !== "" && !parseDanishTime(value)) text = translate(language, "error.reason.time", { label });
    else if ("minLength" in element && element.minLength > 0 && value !== "" && value.length < element.minLength)
      text = translate(language, "error.reason.tooShort", { label, min: element.minLength });
    const errorId = `${element.id}-error`;
    // DKFDS marks the whole form group (label, message, control) as in error.
    element.closest(".form-group")?.classList.toggle("form-error", text !== null);
    if (text) {
      problems.push({ id: element.id, text });
      element.setAttribute("aria-invalid", "true");
      const described = (element.getAttribute("aria-describedby") ?? "").split(" ").filter(Boolean);
      if (!described.includes(errorId)) element.setAttribute("aria-describedby", [errorId, ...described].join(" "));
    } else {
      element.removeAttribute("aria-invalid");
      const described = (element.getAttribute("aria-describedby") ?? "").split(" ").filter((d) => d && d !== errorId);
      if (described.length) element.setAttribute("aria-describedby", described.join(" "));
      else element.removeAttribute("aria-describedby");
    }
  }
  return problems;
}

/** DKFDS's error summary: a heading and one link per problem, focused when it appears. */
export function ErrorSummary({ problems }: { problems: FieldProblem[] }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problems.length) ref.current?.focus();
  }, [problems]);
  if (problems.length === 0) return null;
  return (
    <div ref={ref} className="alert alert-error" role="alert" tabIndex={-1} data-error-summary="">
      <div className="alert-body">
        <p className="alert-heading">{t("error.summaryTitle")}</p>
        <ul className="alert-text nobullet-list">
          {problems.map((p) => (
            <li key={p.id}>
              <a
                href={`#${p.id}`}
                onClick={(e) => {
                  e.preventDefault();
                  document.getElementById(p.id)?.focus();
                }}
              >
                {p.text}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

/** A field's own message (DKFDS `form-error-message`), shown above the control when it has a problem. */
export function FieldError({ id }: { id: string }) {
  const { t } = useI18n();
  const problem = useContext(ProblemsContext).find((p) => p.id === id);
  if (!problem) return null;
  return (
    <span className="form-error-message" id={`${id}-error`}>
      <span className="sr-only">{t("error.prefix")} </span>
      {problem.text}
    </span>
  );
}

/**
 * A form the app validates itself (noValidate): `onValid` runs only when every required
 * field is filled in and every date and time is written the Danish way.
 */
export function ValidatedForm({
  onValid,
  children,
  ...rest
}: Omit<FormHTMLAttributes<HTMLFormElement>, "onSubmit" | "noValidate"> & { onValid(): unknown; children: ReactNode }) {
  const { language } = useI18n();
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  return (
    <form
      {...rest}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const found = validateForm(event.currentTarget, language);
        setProblems(found);
        if (found.length === 0) void onValid();
      }}
    >
      <ProblemsContext.Provider value={problems}>
        <ErrorSummary problems={problems} />
        {children}
      </ProblemsContext.Provider>
    </form>
  );
}

const pad = (n: number) => String(n).padStart(2, "0");

function splitLocal(value: string): { date: string; time: string } {
  const m = value.match(/^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/);
  return m ? { date: `${m[3]}.${m[2]}.${m[1]}`, time: `${m[4]}:${m[5]}` } : { date: "", time: "" };
}

/**
 * A date and time the Danish way: dd.mm.åååå and a 24-hour tt:mm, whatever the browser's
 * locale (a datetime-local input follows the browser's, often US, format). The value in and
 * out is a local "YYYY-MM-DDTHH:mm" string (toLocalInput / fromLocalInput), or "" while the
 * text is not a valid date and time.
 */
export function DateTimeInput(props: { label: string; value: string; onChange(value: string): void; required?: boolean; id?: string }) {
  const { t } = useI18n();
  const generated = useId();
  const base = props.id ?? `dt${generated.replace(/:/g, "")}`;
  const [text, setText] = useState(() => splitLocal(props.value));
  const last = useRef(props.value);
  // A new value from outside (a reset), not the echo of our own change.
  useLayoutEffect(() => {
    if (props.value !== last.current && props.value !== "") setText(splitLocal(props.value));
    last.current = props.value;
  }, [props.value]);
  const emit = (next: { date: string; time: string }) => {
    setText(next);
    const d = parseDanishDate(next.date);
    const tm = parseDanishTime(next.time);
    const value = d && tm ? `${d[0]}-${pad(d[1])}-${pad(d[2])}T${pad(tm[0])}:${pad(tm[1])}` : "";
    last.current = value;
    props.onChange(value);
  };
  return (
    <fieldset className="datetime form-group">
      <legend>{props.label}</legend>
      <div className="row">
        <label className="form-group">
          <span className="form-label">
            {t("datetime.date")} <span className="form-hint">({t("datetime.dateHint")})</span>
          </span>
          <FieldError id={`${base}-date`} />
          <input
            id={`${base}-date`}
            className="form-input input-width-s"
            inputMode="numeric"
            autoComplete="off"
            data-kind="date"
            data-label={props.label}
            required={props.required}
            value={text.date}
            onChange={(e) => emit({ ...text, date: e.target.value })}
          />
        </label>
        <label className="form-group">
          <span className="form-label">
            {t("datetime.time")} <span className="form-hint">({t("datetime.timeHint")})</span>
          </span>
          <FieldError id={`${base}-time`} />
          <input
            id={`${base}-time`}
            className="form-input input-width-xs"
            inputMode="numeric"
            autoComplete="off"
            data-kind="time"
            data-label={props.label}
            required={props.required}
            value={text.time}
            onChange={(e) => emit({ ...text, time: e.target.value })}
          />
        </label>
      </div>
    </fieldset>
  );
}

/**
 * A modal dialog that asks one question with two answers. Esc answers no, unless the question
 * must be answered (`escapeAnswersNo: false`, the idle warning), when Esc does nothing.
 */
export function QuestionDialog(props: {
  className: string;
  title: string;
  body: string;
  yes: string;
  no: string;
  onYes(): void;
  onNo(): void;
  escapeAnswersNo?: boolean;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const ids = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className={props.className}
      aria-labelledby={`${ids}-title`}
      aria-describedby={`${ids}-body`}
      onCancel={(e) => {
        e.preventDefault();
        if (props.escapeAnswersNo !== false) props.onNo();
      }}
    >
      <h2 id={`${ids}-title`}>{props.title}</h2>
      <p id={`${ids}-body`}>{props.body}</p>
      <div className="actions">
        <button type="button" className="button button-primary" onClick={props.onYes}>
          {props.yes}
        </button>
        <button type="button" className="button button-secondary" onClick={props.onNo}>
          {props.no}
        </button>
      </div>
    </dialog>
  );
}

/**
 * A confirmation step for an act that cannot be undone: signing, sending.
 * The act runs only on the dialog's yes.
 */
export function ConfirmDialog(props: { title: string; body: string; yes: string; onYes(): void; onNo(): void }) {
  const { t } = useI18n();
  return <QuestionDialog className="idle-dialog confirm-dialog" no={t("confirm.no")} {...props} />;
}

/**
 * A text field in DKFDS's pattern: the label, a hint if any, the field's error (written by the
 * form's check, ValidatedForm), then the input, or a textarea when `multiline`. `state` is the
 * value and its setter, as useState gives them.
 */
export function TextField({
  label,
  hint,
  state,
  multiline = false,
  className = "form-input",
  ...control
}: Omit<InputHTMLAttributes<HTMLInputElement> & TextareaHTMLAttributes<HTMLTextAreaElement>, "value" | "onChange" | "id"> & {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  state: readonly [string, (value: string) => void];
  multiline?: boolean;
}) {
  const [value, setValue] = state;
  return (
    <label className="form-group" htmlFor={control.id}>
      <span className="form-label">{label}</span>
      {hint && <span className="form-hint">{hint}</span>}
      <FieldError id={control.id} />
      {multiline ? (
        <textarea {...control} className={className} value={value} onChange={(e) => setValue(e.target.value)} />
      ) : (
        <input {...control} className={className} value={value} onChange={(e) => setValue(e.target.value)} />
      )}
    </label>
  );
}

/**
 * A choice of one value of a vocabulary (a GraphQL enum) in DKFDS's pattern, each value in the
 * catalogue's words (`label(of, value)`). `state` is the value and its setter, as useState
 * gives them; `none` adds a first option with no value.
 */
export function VocabularySelect<T extends string>(
  props: { label: ReactNode; of: string; values: readonly T[]; disabled?: boolean } & (
    | { none?: undefined; state: readonly [T, (value: NoInfer<T>) => void] }
    | { none: string; state: readonly [T | "", (value: NoInfer<T> | "") => void] }
  ),
) {
  const { label } = useI18n();
  const [value, setValue] = props.state;
  return (
    <label className="form-group">
      <span className="form-label">{props.label}</span>
      <select className="form-select" value={value} disabled={props.disabled} onChange={(e) => setValue(e.target.value as T)}>
        {props.none !== undefined && <option value="">{props.none}</option>}
        {props.values.map((v) => (
          <option key={v} value={v}>
            {label(props.of, v)}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * The radio buttons of a vocabulary's values (inside the caller's fieldset and legend), each
 * in the catalogue's words; `state` is the chosen value and its setter.
 */
export function VocabularyRadios<T extends string>(props: {
  name: string;
  of: string;
  values: readonly T[];
  state: readonly [T | null | undefined, (value: T) => void];
}) {
  const { label } = useI18n();
  const [value, setValue] = props.state;
  return props.values.map((v) => (
    <Choice
      key={v}
      type="radio"
      name={props.name}
      value={v}
      checked={value === v}
      onChange={() => setValue(v)}
      label={label(props.of, v)}
    />
  ));
}

/** A form's submit button, disabled while its write is under way (`busy`), so a double click sends once. */
export function SubmitButton({ busy, secondary = false, children }: { busy?: boolean; secondary?: boolean; children: ReactNode }) {
  return (
    <button type="submit" className={secondary ? "button button-secondary" : "button button-primary"} disabled={busy}>
      {children}
    </button>
  );
}

/**
 * A checkbox or radio button in DKFDS's pattern: the input (.form-checkbox / .form-radio), then
 * its label as a sibling, which DKFDS draws the box beside. The label names the control.
 */
export function Choice({
  type,
  label,
  id,
  ...input
}: Omit<InputHTMLAttributes<HTMLInputElement>, "type" | "className"> & { type: "checkbox" | "radio"; label: ReactNode }) {
  const generated = useId();
  const inputId = id ?? `choice${generated.replace(/:/g, "")}`;
  return (
    <div className={type === "checkbox" ? "form-group-checkbox" : "form-group-radio"}>
      <input {...input} type={type} id={inputId} className={type === "checkbox" ? "form-checkbox" : "form-radio"} />
      <label htmlFor={inputId}>{label}</label>
    </div>
  );
}
