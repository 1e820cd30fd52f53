/** MITRE ATT&CK technique ids as badges linking to attack.mitre.org (T1071.001 → /techniques/T1071/001/). */
export function MitreBadges({ ids }: { ids: string[] }) {
  return (
    <>
      {ids.map((id) =>
        /^T\d{4}(\.\d{3})?$/.test(id) ? (
          <a key={id} className="badge" href={`https://attack.mitre.org/techniques/${id.replace('.', '/')}/`} rel="noreferrer" target="_blank">
            {id}
          </a>
        ) : (
          <span key={id} className="badge">
            {id}
          </span>
        ),
      )}
    </>
  );
}
