/** A finding of the week by its hunt, query and key: the same id the snapshot, the links and the changes use. Browser-safe. */
export const findingId = (f: { huntId: string; queryNumber: number; key: string }) => JSON.stringify([f.huntId, f.queryNumber, f.key]);
