import "server-only";
import type { Course } from "@/content/formats/course";
import { indexerRead } from "@/app/_lib/server-data";
import { courseParts, coursePackage, parseCourseId } from "./courses";
import type { IndexedCourse, PackageFailure } from "./courses";

export type LoadedCourse =
  | { state: "ok"; course: IndexedCourse; pkg: Course }
  | { state: "notFound" }
  | { state: "readFailure"; source: "chain" | "indexer"; kind: string }
  | { state: "package"; course: IndexedCourse; reason: PackageFailure };

/** The course of a URL's `[courseId]`: its indexed row and its checked package. */
export async function loadCourse(rawId: string): Promise<LoadedCourse> {
  const id = parseCourseId(rawId);
  if (id === null) return { state: "notFound" };
  const read = await indexerRead(courseParts(id));
  if (!read.ok) return { state: "readFailure", source: read.source, kind: read.kind };
  const course = read.data.course;
  if (!course) return { state: "notFound" };
  const pkg = await coursePackage(course.contentCid);
  return pkg.ok ? { state: "ok", course, pkg: pkg.data } : { state: "package", course, reason: pkg.reason };
}
