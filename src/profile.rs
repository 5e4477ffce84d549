//! Implementation profiles: what the harness needs to know about an implementation
//! under test, written by its authors in TOML without reading our code.
//!
//! A profile names the directory served at `/jsclient/` (the snippet loads
//! `/jsclient/loader.js`), the CSS selectors of the widget's parts that steps may touch,
//! timing allowances, and the documented calls the implementation does not claim.
//! See `docs/profiles.md` for the format.

use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use serde::Deserialize;

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
    pub selectors: Selectors,
    pub timing: Timing,
    /// Documented call names (feature file names) this implementation does not claim;
    /// their scenarios are reported as unsupported instead of run.
    pub unsupported: Vec<String>,
    /// Scenarios the implementation is known to fail; they still run.
    pub known_failures: Vec<KnownFailure>,
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

/// CSS selectors for the parts of the widget steps interact with. Steps never use any
/// other selector into the widget's DOM.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Selectors {
    pub chatbox: String,
    pub launcher: String,
    pub panel: String,
    pub minimize: String,
    pub messages: String,
    pub input: String,
    pub send: String,
    pub visitor_message: String,
    pub operator_message: String,
    pub notification: String,
    pub unread: String,
    pub offline_form: String,
    pub offline_name: String,
    pub offline_email: String,
    pub offline_message: String,
    pub offline_submit: String,
    pub attention_grabber: String,
    pub prechat_form: String,
    pub prechat_name: String,
    pub prechat_email: String,
    pub prechat_phone: String,
    pub prechat_submit: String,
    pub prechat_error: String,
    pub feedback_begin: String,
    pub feedback_form: String,
    pub feedback_next: String,
    pub feedback_comment: String,
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

/// A part of the widget, as named in step text ("the launcher", "the chatbox panel").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Chatbox,
    Launcher,
    Panel,
    Minimize,
    Messages,
    Input,
    Send,
    VisitorMessage,
    OperatorMessage,
    Notification,
    Unread,
    OfflineForm,
    OfflineName,
    OfflineEmail,
    OfflineMessage,
    OfflineSubmit,
    AttentionGrabber,
    PrechatForm,
    PrechatName,
    PrechatEmail,
    PrechatPhone,
    PrechatSubmit,
    PrechatError,
    FeedbackBegin,
    FeedbackForm,
    FeedbackNext,
    FeedbackComment,
}

impl Part {
    pub const ALL: [Part; 27] = [
        Part::Chatbox,
        Part::Launcher,
        Part::Panel,
        Part::Minimize,
        Part::Messages,
        Part::Input,
        Part::Send,
        Part::VisitorMessage,
        Part::OperatorMessage,
        Part::Notification,
        Part::Unread,
        Part::OfflineForm,
        Part::OfflineName,
        Part::OfflineEmail,
        Part::OfflineMessage,
        Part::OfflineSubmit,
        Part::AttentionGrabber,
        Part::PrechatForm,
        Part::PrechatName,
        Part::PrechatEmail,
        Part::PrechatPhone,
        Part::PrechatSubmit,
        Part::PrechatError,
        Part::FeedbackBegin,
        Part::FeedbackForm,
        Part::FeedbackNext,
        Part::FeedbackComment,
    ];

    /// The words used for this part in step text.
    pub fn phrase(self) -> &'static str {
        match self {
            Part::Chatbox => "chatbox",
            Part::Launcher => "launcher",
            Part::Panel => "chatbox panel",
            Part::Minimize => "minimize button",
            Part::Messages => "message list",
            Part::Input => "message input",
            Part::Send => "send button",
            Part::VisitorMessage => "visitor message",
            Part::OperatorMessage => "operator message",
            Part::Notification => "notification",
            Part::Unread => "unread indicator",
            Part::OfflineForm => "offline form",
            Part::OfflineName => "offline name field",
            Part::OfflineEmail => "offline email field",
            Part::OfflineMessage => "offline message field",
            Part::OfflineSubmit => "offline submit button",
            Part::AttentionGrabber => "attention grabber",
            Part::PrechatForm => "pre-chat form",
            Part::PrechatName => "pre-chat name field",
            Part::PrechatEmail => "pre-chat email field",
            Part::PrechatPhone => "pre-chat phone field",
            Part::PrechatSubmit => "pre-chat submit button",
            Part::PrechatError => "pre-chat error",
            Part::FeedbackBegin => "feedback button",
            Part::FeedbackForm => "feedback form",
            Part::FeedbackNext => "feedback next button",
            Part::FeedbackComment => "feedback comment field",
        }
    }
}

impl fmt::Display for Part {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.phrase())
    }
}

impl FromStr for Part {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Part::ALL
            .into_iter()
            .find(|p| p.phrase() == s)
            .ok_or_else(|| format!("unknown widget part {s:?}"))
    }
}

impl Selectors {
    pub fn get(&self, part: Part) -> &str {
        match part {
            Part::Chatbox => &self.chatbox,
            Part::Launcher => &self.launcher,
            Part::Panel => &self.panel,
            Part::Minimize => &self.minimize,
            Part::Messages => &self.messages,
            Part::Input => &self.input,
            Part::Send => &self.send,
            Part::VisitorMessage => &self.visitor_message,
            Part::OperatorMessage => &self.operator_message,
            Part::Notification => &self.notification,
            Part::Unread => &self.unread,
            Part::OfflineForm => &self.offline_form,
            Part::OfflineName => &self.offline_name,
            Part::OfflineEmail => &self.offline_email,
            Part::OfflineMessage => &self.offline_message,
            Part::OfflineSubmit => &self.offline_submit,
            Part::AttentionGrabber => &self.attention_grabber,
            Part::PrechatForm => &self.prechat_form,
            Part::PrechatName => &self.prechat_name,
            Part::PrechatEmail => &self.prechat_email,
            Part::PrechatPhone => &self.prechat_phone,
            Part::PrechatSubmit => &self.prechat_submit,
            Part::PrechatError => &self.prechat_error,
            Part::FeedbackBegin => &self.feedback_begin,
            Part::FeedbackForm => &self.feedback_form,
            Part::FeedbackNext => &self.feedback_next,
            Part::FeedbackComment => &self.feedback_comment,
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
    selectors: Selectors,
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
struct RawExpectations {
    #[serde(default)]
    unsupported: Vec<String>,
    #[serde(default)]
    known_failures: Vec<KnownFailure>,
}

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
        let raw: RawProfile = toml::from_str(text).map_err(|e| ProfileError::Parse {
            path: origin.to_path_buf(),
            message: e.to_string().trim_end().to_string(),
        })?;
        let invalid = |message: String| ProfileError::Invalid {
            path: origin.to_path_buf(),
            message,
        };
        let files_dir = base.join(&raw.loader.directory);
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
        for part in Part::ALL {
            if raw.selectors.get(part).trim().is_empty() {
                return Err(invalid(format!(
                    "selectors.{} is empty (every part needs a CSS selector)",
                    field_name(part)
                )));
            }
        }
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
            selectors: raw.selectors,
            timing: raw.timing,
            unsupported: raw.expectations.unsupported,
            known_failures: raw.expectations.known_failures,
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

fn field_name(part: Part) -> &'static str {
    match part {
        Part::Chatbox => "chatbox",
        Part::Launcher => "launcher",
        Part::Panel => "panel",
        Part::Minimize => "minimize",
        Part::Messages => "messages",
        Part::Input => "input",
        Part::Send => "send",
        Part::VisitorMessage => "visitor_message",
        Part::OperatorMessage => "operator_message",
        Part::Notification => "notification",
        Part::Unread => "unread",
        Part::OfflineForm => "offline_form",
        Part::OfflineName => "offline_name",
        Part::OfflineEmail => "offline_email",
        Part::OfflineMessage => "offline_message",
        Part::OfflineSubmit => "offline_submit",
        Part::AttentionGrabber => "attention_grabber",
        Part::PrechatForm => "prechat_form",
        Part::PrechatName => "prechat_name",
        Part::PrechatEmail => "prechat_email",
        Part::PrechatPhone => "prechat_phone",
        Part::PrechatSubmit => "prechat_submit",
        Part::PrechatError => "prechat_error",
        Part::FeedbackBegin => "feedback_begin",
        Part::FeedbackForm => "feedback_form",
        Part::FeedbackNext => "feedback_next",
        Part::FeedbackComment => "feedback_comment",
    }
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
        assert_eq!(p.selectors.get(Part::Panel), "#p");
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

    #[test]
    fn parts_round_trip_through_their_phrases() {
        for part in Part::ALL {
            assert_eq!(part.phrase().parse::<Part>().unwrap(), part);
        }
        assert!("sidebar".parse::<Part>().is_err());
    }
}
