/** Usage texts: `huntboard help [COMMAND]` and `huntboard COMMAND --help`. */
import 'server-only';


const FORMAT_HELP = `  --format json|csv|txt  output format (default txt):
                         json  the Elasticsearch _query body (took, is_partial, columns, values)
                         csv   RFC 4180 with a header row; multi-values joined with ";"; cells that
                               start with = + - @ tab or CR get a leading ' (spreadsheet formulas)
                         txt   aligned table like Elasticsearch's format=txt
                         csv and txt escape control characters visibly (\\x1b, \\n, \\u202e)`;

export const USAGE: Record<string, string> = {
  main: `Usage: huntboard <command> [options]

Commands:
  query QUERY            run an ES|QL query on the configured backend
  ingest --index NAME FILE|-   store NDJSON documents in the embedded store
  indices                list the embedded store's indices
  hunts list             list the hunt catalogue
  hunts show ID          show a hunt: metadata, MITRE, notes, queries
  hunts run ID|--all     run a hunt's (or every hunt's) ES|QL queries; --save keeps the runs
  hunts check [DIR]      parse every ES|QL query of every hunt file under DIR
  demo                   write the demo data set to the embedded store
  runs list|diff ID      saved runs; a run's findings against the previous run (new, recurring, gone)
  bundle export|import   a week of runs, events and triage as one file, for a Huntboard without the cluster
  users add|list|remove|passwd|role   dashboard accounts (none: local single-user mode)
  help [COMMAND]         this text, or a command's

Environment: ELASTICSEARCH_URL / ELASTICSEARCH_CLOUD_ID (else the embedded engine over
HUNTBOARD_DATA_DIR, default ./data), HUNTBOARD_NOW (pins now()), HUNTBOARD_HUNTS_DIR (extra hunts).
`,
  query: `Usage: huntboard query [--now ISO] [--format json|csv|txt] [--param name=value]… QUERY|-

Runs ES|QL on the configured backend. "-" reads the query from stdin.
  --now ISO              pin now() (default HUNTBOARD_NOW; the embedded engine only)
  --param name=value     named parameter ?name; the value is JSON when it parses (numbers,
                         booleans, null, arrays), else a string. Repeatable.
${FORMAT_HELP}
Exit codes: 0 ok, 1 query error (message on stderr), 2 usage error.
`,
  ingest: `Usage: huntboard ingest --index NAME [--mapping FILE] FILE|-

Streams NDJSON (one document per line; "-" reads stdin) into the embedded store's index NAME.
  --mapping FILE         Elasticsearch mapping ({"properties": …} or {"mappings": {"properties": …}})
                         used when the index is created; default: ECS types
Prints the number of documents stored and rejected, and the first rejections with line numbers.
Exit codes: 0 when no line was rejected (an empty file creates the index with its mapping);
1 when any line was rejected; 2 usage error.
`,
  indices: `Usage: huntboard indices

Lists the embedded store's indices (HUNTBOARD_DATA_DIR) with document counts and time ranges.
Only for the embedded store: with a cluster configured, use Kibana or _cat/indices.
`,
  hunts: `Usage: huntboard hunts <list|show|run|check> …

  hunts list                       id, platform, name, languages, queries, broken marker
  hunts show ID                    metadata, MITRE, notes, each query with its language and parse status
  hunts run ID [--query N] [--now ISO] [--format json|csv|txt] [--param name=value]…
                                   runs query N, or every ES|QL query of the hunt; with several
                                   queries, json/csv print each query's header on stderr
  hunts run --all [--save] …       every ES|QL query of every hunt (what a weekly cron runs)
      --from ISO --to ISO          run over that time range instead of the hunt's own window
                                   (bounds as params; what re-running last week looks like)
      --save                       saves each run (text, params, window with now() resolved,
                                   backend, timing, rows; failures too) in the app state,
                                   HUNTBOARD_DATA_DIR/huntboard.sqlite
  hunts check [DIR]                parses every ES|QL query of every hunt file under DIR (default
                                   HUNTBOARD_HUNTS_DIR, else the builtin hunts); prints
                                   FILE#QUERY line:col message, then a summary; exit 1 on errors
The catalogue is the builtin hunts plus every *.toml under HUNTBOARD_HUNTS_DIR.
`,
  runs: `Usage: huntboard runs <list|diff> …

  runs list [--hunt ID] [--limit N]   saved runs, newest first: id, start, hunt, query, window, status, rows
  runs diff ID                        the run's findings against the previous runs of the same query text:
                                      new, recurring (with the number of runs seen) or gone, and changed counts
Runs are saved by \`huntboard hunts run … --save\` and by the dashboard, in HUNTBOARD_DATA_DIR/huntboard.sqlite.
`,
  users: `Usage: huntboard users <add|list|remove|passwd|role> …

  users add NAME --role viewer|analyst|lead   adds a user; the password is the first line of stdin
  users list                                  name, role, created
  users remove NAME                           removes the user and ends their sessions
  users passwd NAME                           sets a new password (first line of stdin); ends their sessions
  users role NAME viewer|analyst|lead         changes the role
Passwords have at least 10 characters and are never taken from the command line
(--password-stdin says so explicitly), e.g. \`printf '%s\\n' "$PW" | huntboard users add ana --role analyst\`.
With no users and no sign-in proxy (HUNTBOARD_AUTH_PROXY_HEADER), the dashboard runs in local
single-user mode: everyone is the lead HUNTBOARD_USER. The server decides this when it starts: after
adding the first user or removing the last, restart it. Accounts live in HUNTBOARD_DATA_DIR/huntboard.sqlite.
`,
  bundle: `Usage: huntboard bundle <export|import> …

  bundle export --week YYYY-MM-DD [--out FILE]
                         one file with the week's saved runs (Monday to Monday, UTC; any day names
                         its week), the raw events behind each finding (read on the configured
                         backend, over each run's own window) and the findings' triage and history;
                         default FILE huntboard-week-MONDAY.huntboard.gz
  bundle import FILE     adds a bundle's runs, events and triage to this Huntboard's app state, all or
                         nothing; triage merges (the newer state wins, histories are combined); the
                         same file is imported once
`,
  demo: `Usage: huntboard demo [--scale N] [--now ISO] [--weeks N]

Writes the demo data set (Elastic Defend-shaped events, weeks ending at --now) to the embedded
store, replacing a previous demo.
  --scale N              volume multiplier (default 1 ≈ 150k network events a week)
  --now ISO              end of the data (default HUNTBOARD_NOW, else the current time)
  --weeks N              weeks of data (default 1)
`,
};

export function usageOf(command: string | undefined): string {
  return (command && USAGE[command]) || USAGE.main;
}
