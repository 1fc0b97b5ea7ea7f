import type { ApiApp } from './http.js';

/** A group of operations in the OpenAPI document. */
export interface ApiTag {
  name: string;
  description: string;
}

/**
 * A module's share of the JSON API under /api/v1: `register` adds its routes, each with its
 * OpenAPI definition, to the API app; `tags` are the groups it introduces in the document (a module
 * may also file its routes under another module's tag).
 */
export interface ApiRoutes {
  tags?: ApiTag[];
  register: (api: ApiApp) => void;
}

let entries: ApiRoutes[] = [];

/** Called once where the application is composed, with every module's `apiRoutes` in list order. */
export function useApiRoutes(all: ApiRoutes[]): void {
  entries = all;
}

/** The modules' API routes, for the app that serves /api/v1 and its document. */
export const apiRoutesOfModules = (): readonly ApiRoutes[] => entries;
