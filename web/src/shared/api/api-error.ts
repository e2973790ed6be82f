export type FieldError = { field: string; message: string; line?: number };

type ProblemBody = {
  title?: string;
  status?: number;
  detail?: string;
  code?: string;
  errors?: FieldError[];
  requestId?: string;
};

const PROBLEM_MEMBERS = new Set(['type', 'title', 'status', 'detail', 'code', 'errors', 'requestId']);

/** A failed API call, shaped after the server's application/problem+json body. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly errors: FieldError[];
  readonly requestId: string | undefined;
  /** Members a problem adds beyond the standard ones (e.g. a guard's `violations`, a declined `order`). */
  readonly extra: Record<string, unknown>;

  constructor(
    status: number,
    code: string,
    detail: string,
    errors: FieldError[] = [],
    requestId?: string,
    extra: Record<string, unknown> = {},
  ) {
    super(detail);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.detail = detail;
    this.errors = errors;
    this.requestId = requestId;
    this.extra = extra;
  }

  static fromProblem(status: number, body: ProblemBody): ApiError {
    const detail = body.detail || body.title || fallbackDetail(status);
    const extra = Object.fromEntries(Object.entries(body).filter(([key]) => !PROBLEM_MEMBERS.has(key)));
    return new ApiError(
      status,
      body.code ?? `http_${status}`,
      detail,
      body.errors ?? [],
      body.requestId,
      extra,
    );
  }

  static network(): ApiError {
    return new ApiError(0, 'network_error', 'We could not reach Souk. Check your connection and try again.');
  }

  /** The message for one form field, if the server named it (`links[0].url` matches `links`). */
  fieldMessage(field: string): string | undefined {
    const hit =
      this.errors.find((e) => e.field === field) ??
      this.errors.find((e) => e.field.startsWith(`${field}.`) || e.field.startsWith(`${field}[`));
    return hit ? friendlyFieldMessage(hit.message) : undefined;
  }

  /** Field errors that no form field claimed, to show with the general message. */
  unclaimed(fields: string[]): FieldError[] {
    return this.errors.filter((e) => !fields.some((f) => e.field === f || e.field.startsWith(f)));
  }
}

function fallbackDetail(status: number): string {
  if (status === 401) return 'Please sign in to continue.';
  if (status === 403) return 'You are not allowed to do that.';
  if (status === 404) return 'We could not find that.';
  if (status === 429) return 'That was a lot of requests. Wait a moment and try again.';
  if (status >= 500) return 'Something went wrong on our side. Please try again.';
  return 'The request could not be completed.';
}

/** Validator wording ("must NOT have fewer than 8 characters") read as a person would say it. */
export function friendlyFieldMessage(message: string): string {
  const fewer = message.match(/must NOT have fewer than (\d+) characters/);
  if (fewer) return fewer[1] === '1' ? 'is required' : `must be at least ${fewer[1]} characters`;
  const more = message.match(/must NOT have more than (\d+) (characters|items)/);
  if (more) return `must be at most ${more[1]} ${more[2]}`;
  if (/must match format "email"/.test(message)) return 'must be a valid email address';
  if (/must match format "uri"|must match pattern "\^https\?/.test(message))
    return 'must be a link starting with http:// or https://';
  if (/must match pattern/.test(message)) return 'has characters that are not allowed';
  return message;
}

/** The best short sentence to show for any thrown value. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.detail;
  if (error instanceof Error) return error.message;
  return 'Something went wrong.';
}
