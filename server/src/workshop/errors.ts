import type { ApiErrorCode } from "@iot/shared/workshop/api";

/** A refused request: an API error code (the HTTP layer maps it to a status and a sentence). */
export class ApiError extends Error {
  constructor(readonly code: ApiErrorCode) {
    super(code);
  }
}
