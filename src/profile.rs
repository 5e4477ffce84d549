//! Implementation profiles: what the harness needs to know about an implementation
//! under test, written by its authors in TOML without reading our code.
//!
//! A profile names the directory served at `/jsclient/` (the snippet loads
//! `/jsclient/loader.js`), where the widget's DOM lives (`[scope]`: the document, an open
//! shadow root, a same-origin frame), the CSS selectors of the widget's parts that steps
//! may touch (`[selectors]`, `[parts]`), timing allowances, and the documented calls the
//! implementation does not claim. A profile may start from another one (`extends`).
//! See `docs/profiles.md` for the format.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde_json::{json, Value};

pub use crate::parts::{Kind, Part};

/// Errors reading or validating a profile.
#[derive(Debug, thiserror::Error)]
pub enum ProfileError {
    #[error(
        "failed to read profile {path}: {source} (pass --implementation <dir or profile.toml>)"
    )]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("failed to parse profile {path}: {message}")]
    Parse { path: PathBuf, message: String },
    #[error("failed to validate profile {path}: {message}")]
    Invalid { path: PathBuf, message: String },
}

/// A parsed and validated implementation profile.
#[derive(Debug, Clone)]
pub struct Profile {
    /// Short name used in reports (`reference`).
    pub name: String,
    pub description: String,
    /// Absolute directory whose files are served under `/jsclient/`.
    pub files_dir: PathBuf,
    /// File inside `files_dir` served as `/jsclient/loader.js`.
    pub loader_entry: String,
    /// Where the widget's DOM lives; part selectors apply inside it.
    pub scope: Scope,
    /// How each part is found (or that the widget has none).
    pub parts: BTreeMap<Part, PartSpec>,
    pub timing: Timing,
    /// Documented call names (feature file names) this implementation does not claim;
    /// their scenarios are reported as unsupported instead of run.
    pub unsupported: Vec<String>,
    /// Scenarios the implementation is known to fail; they still run.
    pub known_failures: Vec<KnownFailure>,
}

/// Where the widget's DOM lives: a path from the page's document through open shadow
/// roots and same-origin frames. Empty: the document itself.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scope {
    pub steps: Vec<ScopeStep>,
}

/// One step into the widget's DOM, from the root reached so far.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScopeStep {
    /// The open shadow root of the element this selector matches.
    Shadow(String),
    /// The document of the same-origin frame this selector matches.
    Frame(String),
}

impl Scope {
    /// How messages name the scope: "the document", "the open shadow root of #host".
    pub fn describe(&self) -> String {
        if self.steps.is_empty() {
            return "the document".into();
        }
        let hops: Vec<String> = self
            .steps
            .iter()
            .map(|s| match s {
                ScopeStep::Shadow(sel) => format!("the open shadow root of {sel:?}"),
                ScopeStep::Frame(sel) => format!("the document of the frame {sel:?}"),
            })
            .collect();
        hops.join(", inside it ")
    }
}

/// How one part is found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PartSpec {
    /// CSS selectors applied inside the scope; the part's elements are what any of them
    /// matches, in list order.
    Selectors {
        list: Vec<String>,
        /// The widget may build this part only when it first shows it (`[parts] lazy`).
        lazy: bool,
    },
    /// The widget has no such part (`[parts] absent`): scenarios that need it are
    /// reported as unsupported.
    Absent,
}

/// A scenario an implementation is known to fail, as data (WPT's expectation files,
/// nextest's expected outcomes): it still runs, a failure is then expected and does not
/// fail the run, and a pass is reported so the entry gets removed.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KnownFailure {
    /// The feature file's name without `.feature`, as the report shows it.
    pub call: String,
    /// The scenario's name exactly as the report shows it (outline rows included).
    pub scenario: String,
    /// Why, for the people reading the report (a ticket, a decision).
    #[serde(default)]
    pub reason: String,
}

/// How long the harness waits for the implementation.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Timing {
    /// Upper bound for any awaited condition (callback fired, element displayed).
    pub timeout_ms: u64,
    /// How long the page must stay quiet before "did not fire" assertions are read.
    pub settle_ms: u64,
}

impl Default for Timing {
    fn default() -> Self {
        Timing {
            timeout_ms: 5_000,
            settle_ms: 50,
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawProfile {
    name: String,
    #[serde(default)]
    description: String,
    loader: RawLoader,
    #[serde(default)]
    scope: RawScope,
    #[serde(default)]
    selectors: BTreeMap<String, OneOrMany>,
    #[serde(default)]
    parts: RawParts,
    #[serde(default)]
    timing: Timing,
    #[serde(default)]
    expectations: RawExpectations,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLoader {
    directory: PathBuf,
    entry: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawScope {
    #[serde(default)]
    kind: Option<String>,
    #[serde(default)]
    host: Option<OneOrMany>,
    #[serde(default)]
    frame: Option<OneOrMany>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawParts {
    #[serde(default)]
    absent: Vec<String>,
    #[serde(default)]
    lazy: Vec<String>,
}

/// A selector or a list of them.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

impl OneOrMany {
    fn into_vec(self) -> Vec<String> {
        match self {
            OneOrMany::One(s) => vec![s],
            OneOrMany::Many(v) => v,
        }
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawExpectations {
    #[serde(default)]
    unsupported: Vec<String>,
    #[serde(default)]
    known_failures: Vec<KnownFailure>,
}

/// How many profiles an `extends` chain may hold (a cycle would never end).
const MAX_EXTENDS: usize = 8;

impl Profile {
    /// Loads a profile from `profile.toml` or from a directory containing one.
    pub fn load(path: &Path) -> Result<Profile, ProfileError> {
        let file = if path.is_dir() {
            path.join("profile.toml")
        } else {
            path.to_path_buf()
        };
        let text = std::fs::read_to_string(&file).map_err(|source| ProfileError::Read {
            path: file.clone(),
            source,
        })?;
        let base = file.parent().unwrap_or(Path::new("."));
        Profile::parse(&text, base, &file)
    }

    /// Parses profile text; relative paths resolve against `base`. `origin` names the
    /// profile in errors.
    pub fn parse(text: &str, base: &Path, origin: &Path) -> Result<Profile, ProfileError> {
        let table = merged_table(text, base, origin, 0)?;
        let raw: RawProfile =
            table
                .try_into()
                .map_err(|e: toml::de::Error| ProfileError::Parse {
                    path: origin.to_path_buf(),
                    message: e.to_string().trim_end().to_string(),
                })?;
        let invalid = |message: String| ProfileError::Invalid {
            path: origin.to_path_buf(),
            message,
        };
        // `merged_table` made every loader.directory absolute.
        let files_dir = raw.loader.directory.clone();
        let files_dir = files_dir.canonicalize().map_err(|e| {
            invalid(format!(
                "loader.directory {} does not exist: {e}",
                files_dir.display()
            ))
        })?;
        let entry = files_dir.join(&raw.loader.entry);
        if raw.loader.entry.contains("..") || !entry.is_file() {
            return Err(invalid(format!(
                "loader.entry {:?} is not a file inside {}",
                raw.loader.entry,
                files_dir.display()
            )));
        }
        let scope = scope(raw.scope).map_err(invalid)?;
        let parts = parts(raw.selectors, raw.parts).map_err(invalid)?;
        // In-page waits run inside one WebDriver script call, whose own limit is 30 s.
        if !(1..=25_000).contains(&raw.timing.timeout_ms) {
            return Err(invalid(format!(
                "timing.timeout_ms must be between 1 and 25000, got {}",
                raw.timing.timeout_ms
            )));
        }
        if raw.timing.settle_ms > 5_000 {
            return Err(invalid(format!(
                "timing.settle_ms must be at most 5000, got {}",
                raw.timing.settle_ms
            )));
        }
        for k in &raw.expectations.known_failures {
            if k.call.trim().is_empty() || k.scenario.trim().is_empty() {
                return Err(invalid(format!(
                    "every [[expectations.known_failures]] needs a call and a scenario name, got {k:?}"
                )));
            }
        }
        Ok(Profile {
            name: raw.name,
            description: raw.description,
            files_dir,
            loader_entry: raw.loader.entry,
            scope,
            parts,
            timing: raw.timing,
            unsupported: raw.expectations.unsupported,
            known_failures: raw.expectations.known_failures,
        })
    }

    /// How `part` is found.
    pub fn part(&self, part: Part) -> &PartSpec {
        // `parts()` fills in every part; Absent is the safe answer should one be missing.
        self.parts.get(&part).unwrap_or(&PartSpec::Absent)
    }

    /// The part's selectors as one string for messages: `"#a"` or `["#a", "#b"]`.
    pub fn describe_part(&self, part: Part) -> String {
        match self.part(part) {
            PartSpec::Selectors { list, .. } if list.len() == 1 => format!("{:?}", list[0]),
            PartSpec::Selectors { list, .. } => format!("{list:?}"),
            PartSpec::Absent => "(declared absent)".into(),
        }
    }

    /// What the page-side query layer needs (`fixtures-site/harness/query.js`): the
    /// scope as steps and every part with its selectors, container and kind.
    pub fn page_config(&self) -> Value {
        let scope: Vec<Value> = self
            .scope
            .steps
            .iter()
            .map(|s| match s {
                ScopeStep::Shadow(sel) => json!({ "shadow": sel }),
                ScopeStep::Frame(sel) => json!({ "frame": sel }),
            })
            .collect();
        let parts: serde_json::Map<String, Value> = Part::ALL
            .iter()
            .map(|&p| {
                let (selectors, lazy, absent) = match self.part(p) {
                    PartSpec::Selectors { list, lazy } => (list.clone(), *lazy, false),
                    PartSpec::Absent => (Vec::new(), false, true),
                };
                let spec = json!({
                    "phrase": p.phrase(),
                    "selectors": selectors,
                    "lazy": lazy,
                    "absent": absent,
                    "items": p.kind() == Kind::Items,
                    "container": p.container().map(Part::key),
                });
                (p.key().to_string(), spec)
            })
            .collect();
        json!({
            "scope": scope,
            "scopeText": self.scope.describe(),
            "settleMs": self.timing.settle_ms,
            "parts": parts,
        })
    }

    /// Whether scenarios of this documented call are claimed by the implementation.
    pub fn supports(&self, call: &str) -> bool {
        !self.unsupported.iter().any(|u| u == call)
    }

    /// The profile's entry for this scenario, if it is a known failure.
    pub fn known_failure(&self, call: &str, scenario: &str) -> Option<&KnownFailure> {
        self.known_failures
            .iter()
            .find(|k| k.call == call && k.scenario == scenario)
    }
}

/// The profile's TOML with its `extends` chain applied: the base first, then this file's
/// tables key by key over it. Every `loader.directory` is made absolute against the file
/// that wrote it, so a base's relative directory keeps meaning what it meant there.
fn merged_table(
    text: &str,
    base: &Path,
    origin: &Path,
    depth: usize,
) -> Result<toml::Table, ProfileError> {
    let parse = |message: String| ProfileError::Parse {
        path: origin.to_path_buf(),
        message,
    };
    let mut table: toml::Table = text
        .parse()
        .map_err(|e: toml::de::Error| parse(e.to_string().trim_end().to_string()))?;
    if let Some(toml::Value::Table(loader)) = table.get_mut("loader") {
        if let Some(toml::Value::String(dir)) = loader.get_mut("directory") {
            *dir = base.join(&*dir).to_string_lossy().into_owned();
        }
    }
    let Some(extends) = table.remove("extends") else {
        return Ok(table);
    };
    let toml::Value::String(extends) = extends else {
        return Err(parse(
            "extends must be the path of another profile.toml (or its directory)".into(),
        ));
    };
    if depth >= MAX_EXTENDS {
        return Err(ProfileError::Invalid {
            path: origin.to_path_buf(),
            message: format!("extends chains are limited to {MAX_EXTENDS} profiles (a cycle?)"),
        });
    }
    let mut file = base.join(&extends);
    if file.is_dir() {
        file = file.join("profile.toml");
    }
    let base_text = std::fs::read_to_string(&file).map_err(|source| ProfileError::Read {
        path: file.clone(),
        source,
    })?;
    let base_dir = file.parent().unwrap_or(Path::new(".")).to_path_buf();
    let mut merged = merged_table(&base_text, &base_dir, &file, depth + 1)?;
    merge(&mut merged, table);
    Ok(merged)
}

/// Tables merge key by key; any other value (arrays included) replaces the base's.
fn merge(base: &mut toml::Table, over: toml::Table) {
    for (key, value) in over {
        match (base.get_mut(&key), value) {
            (Some(toml::Value::Table(b)), toml::Value::Table(o)) => merge(b, o),
            (_, value) => {
                base.insert(key, value);
            }
        }
    }
}

fn scope(raw: RawScope) -> Result<Scope, String> {
    let list = |v: Option<OneOrMany>, key: &str| -> Result<Vec<String>, String> {
        let list = v.map(OneOrMany::into_vec).unwrap_or_default();
        if list.is_empty() || list.iter().any(|s| s.trim().is_empty()) {
            return Err(format!(
                "scope.{key} needs a CSS selector (or a list of them)"
            ));
        }
        Ok(list)
    };
    match raw.kind.as_deref().unwrap_or("document") {
        "document" if raw.host.is_none() && raw.frame.is_none() => Ok(Scope::default()),
        "document" => {
            Err("scope.host and scope.frame go with kind = \"shadow\" or \"iframe\"".into())
        }
        "shadow" if raw.frame.is_none() => Ok(Scope {
            steps: list(raw.host, "host")?
                .into_iter()
                .map(ScopeStep::Shadow)
                .collect(),
        }),
        "iframe" if raw.host.is_none() => Ok(Scope {
            steps: list(raw.frame, "frame")?
                .into_iter()
                .map(ScopeStep::Frame)
                .collect(),
        }),
        "shadow" => Err("scope.frame goes with kind = \"iframe\"".into()),
        "iframe" => Err("scope.host goes with kind = \"shadow\"".into()),
        other => Err(format!(
            "scope.kind is \"document\", \"shadow\" or \"iframe\", not {other:?}"
        )),
    }
}

fn parts(
    selectors: BTreeMap<String, OneOrMany>,
    declared: RawParts,
) -> Result<BTreeMap<Part, PartSpec>, String> {
    let keys = || {
        Part::ALL
            .iter()
            .map(|p| p.key())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let named = |names: &[String], key: &str| -> Result<Vec<Part>, String> {
        names
            .iter()
            .map(|n| {
                Part::from_key(n).ok_or_else(|| {
                    format!("parts.{key} names {n:?}, which is not a part ({})", keys())
                })
            })
            .collect()
    };
    let absent = named(&declared.absent, "absent")?;
    let lazy = named(&declared.lazy, "lazy")?;
    if absent.contains(&Part::Chatbox) {
        return Err("parts.absent cannot name the chatbox: every widget has one".into());
    }
    if let Some(p) = absent.iter().find(|p| lazy.contains(p)) {
        return Err(format!(
            "{:?} is in both parts.absent and parts.lazy",
            p.key()
        ));
    }
    let mut out = BTreeMap::new();
    for (key, value) in selectors {
        let Some(part) = Part::from_key(&key) else {
            return Err(format!(
                "selectors.{key} is not a part (the parts are: {})",
                keys()
            ));
        };
        if absent.contains(&part) {
            return Err(format!(
                "selectors.{key} is given, but parts.absent says the widget has no {part}"
            ));
        }
        let list = value.into_vec();
        if list.is_empty() || list.iter().any(|s| s.trim().is_empty()) {
            return Err(format!(
                "selectors.{key} is empty (every part needs a CSS selector, or a list of them)"
            ));
        }
        out.insert(
            part,
            PartSpec::Selectors {
                list,
                lazy: lazy.contains(&part),
            },
        );
    }
    for &part in Part::ALL {
        if absent.contains(&part) {
            out.insert(part, PartSpec::Absent);
        } else if !out.contains_key(&part) {
            return Err(format!(
                "selectors.{} is missing (every part needs a CSS selector, or list it under [parts] absent)",
                part.key()
            ));
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SELECTORS: &str = r##"
[selectors]
chatbox = "#c"
launcher = "#l"
panel = "#p"
minimize = "#m"
messages = "#ms"
input = "#i"
send = "#s"
visitor_message = "#visitor_message"
operator_message = "#operator_message"
notification = "#notification"
unread = "#unread"
offline_form = "#offline_form"
offline_name = "#offline_name"
offline_email = "#offline_email"
offline_message = "#offline_message"
offline_submit = "#offline_submit"
attention_grabber = "#attention_grabber"
prechat_form = "#prechat_form"
prechat_name = "#prechat_name"
prechat_email = "#prechat_email"
prechat_phone = "#prechat_phone"
prechat_submit = "#prechat_submit"
prechat_error = "#prechat_error"
feedback_begin = "#feedback_begin"
feedback_form = "#feedback_form"
feedback_next = "#feedback_next"
feedback_comment = "#feedback_comment"
"##;

    fn dir_with_loader() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("loader.js"), "//").unwrap();
        dir
    }

    #[test]
    fn reference_profile_loads() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("implementations/reference");
        let profile = Profile::load(&root).unwrap();
        assert_eq!(profile.name, "reference");
        assert!(profile.files_dir.join(&profile.loader_entry).is_file());
        assert!(profile.unsupported.is_empty());
    }

    #[test]
    fn defaults_and_unsupported() {
        let dir = dir_with_loader();
        let text = format!(
            "name = \"x\"\n[loader]\ndirectory = \".\"\nentry = \"loader.js\"\n{SELECTORS}\n[expectations]\nunsupported = [\"api.box.setLocale\"]\n"
        );
        let p = Profile::parse(&text, dir.path(), Path::new("p.toml")).unwrap();
        assert_eq!(p.timing.timeout_ms, 5_000);
        assert!(!p.supports("api.box.setLocale"));
        assert!(p.supports("api.box.show"));
        assert_eq!(
            p.part(Part::Panel),
            &PartSpec::Selectors {
                list: vec!["#p".into()],
                lazy: false
            }
        );
        assert_eq!(p.scope, Scope::default());
    }

    #[test]
    fn known_failures() {
        let dir = dir_with_loader();
        let text = format!(
            "name = \"x\"\n[loader]\ndirectory = \".\"\nentry = \"loader.js\"\n{SELECTORS}\n\
             [[expectations.known_failures]]\ncall = \"api.box.show\"\nscenario = \"show does not expand\"\nreason = \"ticket 12\"\n"
        );
        let p = Profile::parse(&text, dir.path(), Path::new("p.toml")).unwrap();
        let k = p
            .known_failure("api.box.show", "show does not expand")
            .unwrap();
        assert_eq!(k.reason, "ticket 12");
        assert!(p.known_failure("api.box.show", "another").is_none());

        let blank = text.replace("show does not expand", " ");
        let err = Profile::parse(&blank, dir.path(), Path::new("p.toml")).unwrap_err();
        assert!(
            err.to_string().contains("needs a call and a scenario"),
            "{err}"
        );
    }

    #[test]
    fn unknown_key_is_a_clear_error() {
        let dir = dir_with_loader();
        let text = format!(
            "name = \"x\"\nlaoder = 1\n[loader]\ndirectory = \".\"\nentry = \"loader.js\"\n{SELECTORS}"
        );
        let err = Profile::parse(&text, dir.path(), Path::new("p.toml")).unwrap_err();
        let msg = err.to_string();
        assert!(msg.starts_with("failed to parse profile p.toml"), "{msg}");
        assert!(msg.contains("laoder"), "{msg}");
    }

    #[test]
    fn missing_selector_and_missing_loader() {
        let dir = dir_with_loader();
        let text = "name = \"x\"\n[loader]\ndirectory = \".\"\nentry = \"loader.js\"\n[selectors]\nchatbox = \"#c\"\n";
        let err = Profile::parse(text, dir.path(), Path::new("p.toml")).unwrap_err();
        assert!(err.to_string().contains("launcher"), "{err}");

        let text =
            format!("name = \"x\"\n[loader]\ndirectory = \".\"\nentry = \"nope.js\"\n{SELECTORS}");
        let err = Profile::parse(&text, dir.path(), Path::new("p.toml")).unwrap_err();
        assert!(err.to_string().contains("nope.js"), "{err}");
    }

    fn profile_with(extra: &str) -> Result<Profile, ProfileError> {
        let dir = dir_with_loader();
        let text =
            format!("name = \"x\"\n[loader]\ndirectory = \".\"\nentry = \"loader.js\"\n{SELECTORS}\n{extra}");
        Profile::parse(&text, dir.path(), Path::new("p.toml"))
    }

    #[test]
    fn scopes() {
        let p =
            profile_with("[scope]\nkind = \"shadow\"\nhost = [\"#outer\", \"x-chat\"]\n").unwrap();
        assert_eq!(
            p.scope.steps,
            vec![
                ScopeStep::Shadow("#outer".into()),
                ScopeStep::Shadow("x-chat".into())
            ]
        );
        assert!(p.scope.describe().contains("shadow root of \"#outer\""));
        let p = profile_with("[scope]\nkind = \"iframe\"\nframe = \"#f\"\n").unwrap();
        assert_eq!(p.scope.steps, vec![ScopeStep::Frame("#f".into())]);
        assert_eq!(p.page_config()["scope"][0]["frame"], "#f");
        for (bad, says) in [
            ("kind = \"shadow\"\n", "scope.host needs"),
            ("kind = \"iframe\"\nhost = \"#h\"\n", "scope.host goes with"),
            ("kind = \"window\"\n", "not \"window\""),
            ("host = \"#h\"\n", "go with kind"),
        ] {
            let err = profile_with(&format!("[scope]\n{bad}"))
                .unwrap_err()
                .to_string();
            assert!(err.contains(says), "{bad}: {err}");
        }
    }

    #[test]
    fn part_lists_absent_and_lazy_parts() {
        let text = SELECTORS.replace(
            "chatbox = \"#c\"",
            "chatbox = [\"#root\", \"#root > .launcher\"]",
        );
        let text = text.replace("attention_grabber = \"#attention_grabber\"\n", "");
        let dir = dir_with_loader();
        let profile = format!(
            "name = \"x\"\n[loader]\ndirectory = \".\"\nentry = \"loader.js\"\n{text}\n\
             [parts]\nabsent = [\"attention_grabber\"]\nlazy = [\"panel\"]\n"
        );
        let p = Profile::parse(&profile, dir.path(), Path::new("p.toml")).unwrap();
        assert_eq!(p.part(Part::AttentionGrabber), &PartSpec::Absent);
        assert!(matches!(
            p.part(Part::Panel),
            PartSpec::Selectors { lazy: true, .. }
        ));
        assert_eq!(
            p.describe_part(Part::Chatbox),
            r##"["#root", "#root > .launcher"]"##
        );
        let config = p.page_config();
        assert_eq!(config["parts"]["attention_grabber"]["absent"], true);
        assert_eq!(config["parts"]["operator_message"]["items"], true);
        assert_eq!(config["parts"]["operator_message"]["container"], "messages");

        // Missing without being absent; absent but given; unknown names.
        let err = Profile::parse(
            &profile.replace("absent = [\"attention_grabber\"]", ""),
            dir.path(),
            Path::new("p.toml"),
        )
        .unwrap_err()
        .to_string();
        assert!(
            err.contains("selectors.attention_grabber is missing"),
            "{err}"
        );
        let err = profile_with("[parts]\nabsent = [\"panel\"]\n")
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("parts.absent says the widget has no chatbox panel"),
            "{err}"
        );
        let err = profile_with("[parts]\nlazy = [\"sidebar\"]\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("\"sidebar\", which is not a part"), "{err}");
        let err = profile_with("[selectors]\n").unwrap_err().to_string();
        assert!(err.contains("failed to parse"), "{err}");
        let text = format!("{SELECTORS}sidebar = \"#s\"\n");
        let err = Profile::parse(
            &format!("name = \"x\"\n[loader]\ndirectory = \".\"\nentry = \"loader.js\"\n{text}"),
            dir.path(),
            Path::new("p.toml"),
        )
        .unwrap_err()
        .to_string();
        assert!(err.contains("selectors.sidebar is not a part"), "{err}");
    }

    #[test]
    fn extends_merges_tables_and_keeps_the_base_directory() {
        let root = tempfile::tempdir().unwrap();
        let base = root.path().join("base");
        std::fs::create_dir_all(base.join("dist")).unwrap();
        std::fs::write(base.join("dist/loader.js"), "//").unwrap();
        std::fs::write(
            base.join("profile.toml"),
            format!("name = \"base\"\n[loader]\ndirectory = \"dist\"\nentry = \"loader.js\"\n{SELECTORS}"),
        )
        .unwrap();
        let child = root.path().join("child");
        std::fs::create_dir_all(&child).unwrap();
        let text = "extends = \"../base\"\nname = \"child\"\n[scope]\nkind = \"shadow\"\nhost = \"#h\"\n[selectors]\npanel = \"#other\"\n";
        let p = Profile::parse(text, &child, Path::new("child/profile.toml")).unwrap();
        assert_eq!(p.name, "child");
        assert_eq!(p.files_dir, base.join("dist").canonicalize().unwrap());
        assert_eq!(p.describe_part(Part::Panel), "\"#other\"");
        assert_eq!(p.describe_part(Part::Launcher), "\"#l\"");
        assert_eq!(p.scope.steps, vec![ScopeStep::Shadow("#h".into())]);

        std::fs::write(
            child.join("profile.toml"),
            "extends = \".\"\nname = \"loop\"\n",
        )
        .unwrap();
        let err = Profile::load(&child).unwrap_err().to_string();
        assert!(err.contains("limited to"), "{err}");
    }
}
