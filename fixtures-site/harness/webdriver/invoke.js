// Run by WebDriver's execute_async: calls one named query of the query layer
// (fixtures-site/harness/query.js) and answers once, so a wait is one round trip.
// arguments: [name, args, done]. Answers {ok: true, value}, {ok: false, error} when the
// query threw, or {missing: "shim" | "query", problem} on a page without a working harness.
var name = arguments[0], args = arguments[1], done = arguments[arguments.length - 1];
var H = window.__olarkConformance;
if (!H) {
  done({ missing: 'shim' });
} else if (typeof H.invoke !== 'function') {
  done({ missing: 'query' });
} else if (H.queryProblem) {
  done({ missing: 'query', problem: H.queryProblem });
} else {
  H.invoke(name, args).then(
    function (value) { done({ ok: true, value: value === undefined ? null : value }); },
    function (e) { done({ ok: false, error: String(e && e.stack ? e.message + '\n' + e.stack : e) }); }
  );
}
