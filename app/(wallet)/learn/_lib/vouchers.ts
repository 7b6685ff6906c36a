"use client";
import { useCallback, useSyncExternalStore } from "react";
import type { Address, Hex } from "viem";

// Passed quizzes not yet claimed, kept on this device (localStorage) so a reload, a closed tab or
// a lost connection never loses a voucher the grader signed.

export interface StoredVoucher {
  completion: { learner: Address; courseId: string; score: number; deadline: string };
  signature: Hex;
}

const KEY = "azora.vouchers.v1";
const EVENT = "azora-vouchers";

function readAll(): StoredVoucher[] {
  if (typeof localStorage === "undefined") return [];
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(KEY) ?? "[]");
    return Array.isArray(parsed) ? (parsed as StoredVoucher[]) : [];
  } catch {
    return [];
  }
}

let cache: { raw: string | null; list: StoredVoucher[] } = { raw: null, list: [] };
function snapshot(): StoredVoucher[] {
  const raw = typeof localStorage === "undefined" ? null : localStorage.getItem(KEY);
  if (raw !== cache.raw) cache = { raw, list: readAll() };
  return cache.list;
}

function write(list: StoredVoucher[]) {
  localStorage.setItem(KEY, JSON.stringify(list));
  window.dispatchEvent(new Event(EVENT));
}

const same = (a: StoredVoucher, learner: string, courseId: string) =>
  a.completion.learner.toLowerCase() === learner.toLowerCase() && a.completion.courseId === courseId;

export function saveVoucher(voucher: StoredVoucher) {
  const { learner, courseId } = voucher.completion;
  write([...readAll().filter((v) => !same(v, learner, courseId)), voucher]);
}

export function dropVoucher(learner: string, courseId: string) {
  write(readAll().filter((v) => !same(v, learner, courseId)));
}

function subscribe(onChange: () => void) {
  window.addEventListener(EVENT, onChange);
  window.addEventListener("storage", onChange);
  return () => {
    window.removeEventListener(EVENT, onChange);
    window.removeEventListener("storage", onChange);
  };
}

const EMPTY: StoredVoucher[] = [];

/** The vouchers kept on this device for `learner` (every course, or one). */
export function useVouchers(learner: Address | undefined, courseId?: string): StoredVoucher[] {
  const all = useSyncExternalStore(subscribe, snapshot, () => EMPTY);
  const pick = useCallback(
    (list: StoredVoucher[]) =>
      learner
        ? list.filter(
            (v) =>
              v.completion.learner.toLowerCase() === learner.toLowerCase() &&
              (courseId === undefined || v.completion.courseId === courseId),
          )
        : EMPTY,
    [learner, courseId],
  );
  return pick(all);
}
