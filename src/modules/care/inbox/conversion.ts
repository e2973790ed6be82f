import type { Principal } from '../../../platform/http/auth.ts';
import type { ConversionKind, ConversionPayload } from '../care.tables.ts';

/** An idea's draft: what goes on the brand's ideas portal in the customer's name. */
export type IdeaDraft = { title: string; description: string };
/** A request's draft: what the customer needs, their budget and deadline; it asks the brand itself. */
export type RfpDraft = {
  title: string;
  details: string;
  budgetMinor: number;
  currency: string;
  deadline: string;
};

/**
 * Turns a conversation into its target once the customer said yes, acting as the customer (`author` is their
 * principal, so what is posted is theirs and passes every check a post of theirs would); returns the target's id.
 * It runs outside care's transactions: a refusal (a deadline now past, a limit) reaches the customer as its 4xx and
 * leaves the proposal open to answer again.
 */
export type Converter<D> = (
  author: Principal,
  conversation: { id: string; orgId: string },
  draft: D,
) => Promise<string>;

export type Converters = { idea?: Converter<IdeaDraft>; rfp?: Converter<RfpDraft> };

/** Where the modules that a conversation can become plug in (ideas, rfp); wired once at start-up. */
export function createConversionTargets() {
  const targets: Converters = {};
  return {
    /** Registers the module that makes `kind` from a consented conversation. */
    register<K extends ConversionKind>(kind: K, converter: NonNullable<Converters[K]>) {
      if (targets[kind]) throw new Error(`a converter for ${kind} is registered already`);
      targets[kind] = converter as Converters[K];
    },
    of<K extends ConversionKind>(kind: K): Converters[K] {
      return targets[kind];
    },
  };
}

export type ConversionTargets = ReturnType<typeof createConversionTargets>;

type ConversionColumns = {
  conversion_kind: ConversionKind | null;
  conversion_consent: 'none' | 'requested' | 'granted' | 'declined';
  conversion_payload: ConversionPayload | null;
  conversion_target_id: string | null;
};

/** The conversion as agents and the customer see it, and the idea-only view the idea screens read. */
export function presentConversion(r: ConversionColumns) {
  if (r.conversion_consent === 'none' || !r.conversion_kind) return { conversion: null, ideaRequest: null };
  const p = (r.conversion_payload ?? {}) as Partial<IdeaDraft & RfpDraft>;
  const conversion = {
    kind: r.conversion_kind,
    consent: r.conversion_consent,
    title: p.title ?? '',
    description: (r.conversion_kind === 'idea' ? p.description : p.details) ?? '',
    budgetMinor: p.budgetMinor ?? null,
    currency: p.currency ?? null,
    deadline: p.deadline ?? null,
    targetId: r.conversion_target_id,
  };
  return {
    conversion,
    ideaRequest:
      r.conversion_kind === 'idea'
        ? { consent: r.conversion_consent, title: conversion.title, ideaId: r.conversion_target_id }
        : null,
  };
}
