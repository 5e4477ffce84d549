//! The scenario World: one site on the mock backend, one pooled browser session, and the
//! page helpers every step uses: named queries of the page-side query layer
//! (`fixtures-site/harness/query.js`, one round trip each), what the harness sees of a
//! part, and a visitor's clicks and keystrokes.
//!
//! Harness faults (lost session, page that never loaded) are marked on the World when
//! they happen, so the report can tell them apart from conformance failures. A step that
//! needs a part the profile declares absent marks the scenario unsupported.

use std::fmt;
use std::future::Future;
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

use anyhow::anyhow;
use fantoccini::actions::{
    InputSource, KeyAction, KeyActions, MouseActions, PointerAction, MOUSE_BUTTON_LEFT,
};
use fantoccini::elements::{Element, ElementRef};
use fantoccini::error::{CmdError, ErrorStatus};
use fantoccini::Client;
use olark_conformance::browser::Session;
use olark_conformance::profile::{Part, PartSpec};
use olark_conformance::server::harness::{INVOKE, WINDOW_CHROME};
use olark_conformance::server::sites::Site;
use olark_conformance::suite::Harness;
use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::{json, Value};

/// Longest one WebDriver command may take. Scripts are bounded by the session's 30 s
/// script timeout and navigation by its 20 s page-load timeout, so a command that outlives
/// both means the browser stopped answering: typically a page script looping forever,
/// which freezes the page and, without this, the whole run.
pub const COMMAND_DEADLINE: Duration = Duration::from_secs(45);

/// The key of a web element reference in WebDriver's JSON (the W3C spec's identifier).
const WEB_ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

/// The run's harness; set once by the runner before any scenario starts.
pub static HARNESS: OnceLock<Arc<Harness>> = OnceLock::new();

/// A step's error, printed with its whole context chain (`{:#}`), since cucumber shows a
/// failed step's error through `Display`.
pub struct Failure(anyhow::Error);

impl<E: Into<anyhow::Error>> From<E> for Failure {
    fn from(e: E) -> Self {
        Failure(e.into())
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:#}", self.0)
    }
}

pub type StepResult = Result<(), Failure>;

/// `bail!` for steps: returns a [`Failure`] built like `anyhow!`.
macro_rules! fail {
    ($($arg:tt)*) => {
        return Err($crate::steps::world::Failure::from(anyhow::anyhow!($($arg)*)))
    };
}
pub(crate) use fail;

#[derive(cucumber::World)]
#[world(init = Self::new)]
pub struct OlarkWorld {
    pub harness: Arc<Harness>,
    /// The documented call this scenario's feature covers (named in every assertion).
    pub call: String,
    /// Label of this scenario's site (and origin) on the mock backend.
    pub site: String,
    pub session: Option<Session>,
    /// Whether this scenario has opened a page; until then the session may still show the
    /// previous scenario's page, which no step may touch.
    pub page_open: bool,
    /// Sizes noted by `the visitor notes the size of the {part}`, by part phrase.
    pub noted: std::collections::HashMap<String, (f64, f64)>,
    /// A text noted by `the visitor notes the last operator message`.
    pub noted_text: Option<String>,
    /// Whether a step resized the window (the session gets its size back afterwards).
    pub resized: bool,
    /// The browser stopped answering (see [`COMMAND_DEADLINE`]): nothing more is asked of it.
    pub unresponsive: bool,
    /// When the scenario's first hook ran.
    pub started: Instant,
    /// Set when the harness itself failed; the scenario is then an error, not a failure.
    pub fault: Option<String>,
    /// Set when a step needs a part the profile declares absent: the scenario is then
    /// unsupported, with this reason.
    pub unsupported: Option<String>,
    /// The parts steps read or touched, in first-use order (the report's `parts`).
    pub parts_read: Vec<Part>,
}

impl fmt::Debug for OlarkWorld {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("OlarkWorld")
            .field("call", &self.call)
            .field("site", &self.site)
            .field("session", &self.session.as_ref().map(|s| s.id()))
            .field("fault", &self.fault)
            .finish()
    }
}

impl OlarkWorld {
    fn new() -> anyhow::Result<Self> {
        let harness = HARNESS.get().cloned().ok_or_else(|| {
            anyhow!(
                "harness error: scenarios run only under the suite's runner (steps::suite::main)"
            )
        })?;
        Ok(OlarkWorld {
            harness,
            call: String::new(),
            site: String::new(),
            session: None,
            page_open: false,
            noted: Default::default(),
            noted_text: None,
            resized: false,
            unresponsive: false,
            started: Instant::now(),
            fault: None,
            unsupported: None,
            parts_read: Vec::new(),
        })
    }

    pub fn timeout_ms(&self) -> u64 {
        self.harness.profile.timing.timeout_ms
    }

    pub fn settle_ms(&self) -> u64 {
        self.harness.profile.timing.settle_ms
    }

    /// Records that a step reads or touches `part`; a part the profile declares absent
    /// makes the scenario unsupported instead.
    pub fn uses(&mut self, part: Part) -> anyhow::Result<()> {
        if !self.parts_read.contains(&part) {
            self.parts_read.push(part);
        }
        if *self.harness.profile.part(part) == PartSpec::Absent {
            let why = format!(
                "needs the {part}, which the profile declares absent ([parts] absent = [\"{}\"])",
                part.key()
            );
            self.unsupported.get_or_insert_with(|| why.clone());
            return Err(anyhow!(why));
        }
        Ok(())
    }

    /// The part's selectors as the profile writes them, for messages.
    pub fn selector(&self, part: Part) -> String {
        self.harness.profile.describe_part(part)
    }

    /// Records a harness fault and returns it as the step's error.
    pub fn fault(&mut self, what: impl fmt::Display) -> anyhow::Error {
        let message = format!("harness error: {what}");
        self.fault.get_or_insert_with(|| message.clone());
        anyhow!(message)
    }

    /// Changes this scenario's site on the mock backend.
    pub fn update_site<T>(&mut self, f: impl FnOnce(&mut Site) -> T) -> anyhow::Result<T> {
        let label = self.site.clone();
        match self.harness.server.sites().update(&label, f) {
            Some(v) => Ok(v),
            None => Err(self.fault(format!("the scenario's site {label:?} is gone"))),
        }
    }

    /// A copy of this scenario's site as the backend sees it now.
    pub fn site_state(&mut self) -> anyhow::Result<Site> {
        self.update_site(|s| s.clone())
    }

    /// The scenario's browser session, checked out of the pool on first use.
    pub async fn session(&mut self) -> anyhow::Result<&Session> {
        if self.session.is_none() {
            match self.harness.pool.checkout().await {
                Ok(s) => self.session = Some(s),
                Err(e) => return Err(self.fault(e)),
            }
        }
        self.session
            .as_ref()
            .ok_or_else(|| anyhow!("harness error: no session"))
    }

    /// Runs one WebDriver command on the scenario's session within [`COMMAND_DEADLINE`].
    /// The outer error is the harness's (no session, or the browser stopped answering:
    /// a fault, and the session is discarded); the inner one is the command's own.
    pub async fn webdriver<T, Fut>(
        &mut self,
        doing: &str,
        command: impl FnOnce(Client) -> Fut,
    ) -> anyhow::Result<Result<T, CmdError>>
    where
        Fut: Future<Output = Result<T, CmdError>>,
    {
        let client = self.session().await?.client().clone();
        self.within_deadline(doing, command(client)).await
    }

    /// [`Self::webdriver`] for commands on an element found earlier.
    pub async fn within_deadline<T>(
        &mut self,
        doing: &str,
        command: impl Future<Output = Result<T, CmdError>>,
    ) -> anyhow::Result<Result<T, CmdError>> {
        match tokio::time::timeout(COMMAND_DEADLINE, command).await {
            Ok(result) => Ok(result),
            Err(_) => {
                self.unresponsive = true;
                Err(self.fault(format!(
                    "the browser did not answer within {} s while {doing}; a script in the page may be \
                     looping forever (the session is discarded)",
                    COMMAND_DEADLINE.as_secs()
                )))
            }
        }
    }

    /// Navigates to a fixture page of this scenario's site.
    pub async fn open(&mut self, page: &str) -> anyhow::Result<()> {
        let url = format!("{}{page}", self.harness.server.origin(&self.site));
        let loaded = self
            .webdriver(&format!("loading {url}"), |c| {
                let url = url.clone();
                async move { c.goto(&url).await }
            })
            .await?;
        if let Err(e) = loaded {
            return Err(self.fault(format!("failed to load {url}: {e}")));
        }
        self.page_open = true;
        // The pointer stays where the previous scenario's last click left it, and could
        // hover the new page's widget (hover styles change computed colours): park it in
        // the page's top-left corner, where fixture pages have nothing.
        // Two moves, so the pointer really moves (and the page gets a mousemove) even when
        // this input source already rests where a move would take it.
        let park = MouseActions::new("pointer".into())
            .then(PointerAction::MoveTo {
                duration: None,
                x: 7.0,
                y: 7.0,
            })
            .then(PointerAction::MoveTo {
                duration: None,
                x: 3.0,
                y: 3.0,
            });
        let parked = self
            .webdriver("moving the pointer", |c| async move {
                c.perform_actions(park).await
            })
            .await?;
        if let Err(e) = parked {
            return Err(self.command_error(e, "failed to move the pointer out of the way"));
        }
        // Whether the page carries the harness is checked by the next query (every one
        // checks it), which saves a round trip per page load.
        Ok(())
    }

    /// Runs one named query of the page-side query layer and decodes its answer: the
    /// only way steps talk to the page (one round trip; a wait happens inside it).
    pub async fn invoke<T: DeserializeOwned>(
        &mut self,
        name: &str,
        args: Value,
    ) -> anyhow::Result<T> {
        self.require_page()?;
        let result = self
            .webdriver("running a query in the page", |c| async move {
                c.execute_async(INVOKE, vec![name.into(), args]).await
            })
            .await?;
        let answer = self.classify(result)?;
        #[derive(Deserialize)]
        struct Answer {
            #[serde(default)]
            ok: bool,
            #[serde(default)]
            value: Value,
            error: Option<String>,
            missing: Option<String>,
            problem: Option<String>,
        }
        let answer: Answer = serde_json::from_value(answer.clone())
            .map_err(|e| self.fault(format!("failed to read the page's answer {answer}: {e}")))?;
        if let Some(missing) = answer.missing {
            let detail = answer.problem.map(|p| format!(": {p}")).unwrap_or_default();
            return Err(self.fault(format!(
                "the page has no working harness {missing}{detail} (a fixture page must carry {{{{harness}}}} in its <head>, before the embed code)"
            )));
        }
        if !answer.ok {
            let error = answer.error.unwrap_or_default();
            return Err(self.fault(format!("the query {name:?} failed in the page: {error}")));
        }
        let value = answer.value;
        serde_json::from_value(value.clone()).map_err(|e| {
            self.fault(format!(
                "failed to read the page's answer to {name:?} ({value}): {e}"
            ))
        })
    }

    /// [`Self::invoke`] for a query about `part`: records the use (or marks the scenario
    /// unsupported), and passes the part's key as `args.part`.
    pub async fn query<T: DeserializeOwned>(
        &mut self,
        name: &str,
        part: Part,
        mut args: Value,
    ) -> anyhow::Result<T> {
        self.uses(part)?;
        args["part"] = part.key().into();
        self.invoke(name, args).await
    }

    /// A reading whose selector or scope is not valid CSS is the profile's fault, not the
    /// widget's: a harness error that says so.
    pub fn check_profile(&mut self, vis: &Vis) -> anyhow::Result<()> {
        if vis.invalid {
            let reason = vis.reason.clone().unwrap_or_default();
            return Err(self.fault(format!("{reason} (fix the profile)")));
        }
        Ok(())
    }

    fn require_page(&mut self) -> anyhow::Result<()> {
        if self.page_open {
            Ok(())
        } else {
            Err(self.fault(
                "no page is open yet: a step that looks at the page must come after \"the visitor opens the page\"",
            ))
        }
    }

    fn classify(&mut self, result: Result<Value, CmdError>) -> anyhow::Result<Value> {
        result.map_err(|e| self.command_error(e, "a script in the page failed"))
    }

    /// Resizes the window so the viewport is `width` × `height` CSS pixels (the window's
    /// chrome is measured and added).
    pub async fn resize_viewport(&mut self, width: u32, height: u32) -> anyhow::Result<()> {
        self.resized = true;
        // Reading the window's own chrome is harmless even on a previous scenario's page,
        // so this works before the scenario opens one.
        let measured = self
            .webdriver("measuring the window", |c| async move {
                c.execute(WINDOW_CHROME, vec![]).await
            })
            .await?;
        let chrome = self.classify(measured)?;
        let extra = |i: usize| chrome.get(i).and_then(Value::as_u64).unwrap_or(0) as u32;
        let (w, h) = (width + extra(0), height + extra(1));
        let resized = self
            .webdriver("resizing the window", |c| async move {
                c.set_window_size(w, h).await
            })
            .await?;
        resized.map_err(|e| self.fault(format!("failed to resize the window: {e}")))
    }

    /// Whether the part is displayed (`want` true) or seen not displayed (false) within
    /// the timeout, and what the harness saw last: one in-page wait.
    pub async fn displayed_within(
        &mut self,
        part: Part,
        want: bool,
    ) -> anyhow::Result<Waited<Vis>> {
        let timeout = self.timeout_ms();
        let waited: Waited<Vis> = self
            .query(
                "displayed",
                part,
                json!({ "want": want, "timeout": timeout }),
            )
            .await?;
        self.check_profile(&waited.seen)?;
        Ok(waited)
    }

    /// Clicks the widget part as a visitor does: once it is displayed, still, and what
    /// the browser hits at its centre, a real pointer click there.
    pub async fn click(&mut self, part: Part) -> anyhow::Result<()> {
        self.click_at(part, Value::Null, &format!("the {part}"))
            .await
    }

    /// Clicks the rating valued `rating` of the feedback form (its radio input, or the
    /// input's label when the input itself is styled away).
    pub async fn click_rating(&mut self, rating: u32) -> anyhow::Result<()> {
        self.click_at(
            Part::FeedbackForm,
            rating.into(),
            &format!("the rating {rating} of the {}", Part::FeedbackForm),
        )
        .await
    }

    async fn click_at(&mut self, part: Part, rating: Value, what: &str) -> anyhow::Result<()> {
        #[derive(Deserialize)]
        struct Point {
            x: f64,
            y: f64,
        }
        #[derive(Deserialize)]
        struct Aim {
            vis: Vis,
            point: Option<Point>,
            problem: Option<String>,
        }
        let timeout = self.timeout_ms();
        let waited: Waited<Aim> = self
            .query(
                "clickPoint",
                part,
                json!({ "rating": rating, "timeout": timeout }),
            )
            .await?;
        let aim = waited.seen;
        self.check_profile(&aim.vis)?;
        let Some(at) = aim.point.filter(|_| waited.met) else {
            let why = match (aim.vis.state, aim.problem) {
                (VisState::Unseen, _) | (_, None) => aim.vis.describe(),
                (_, Some(problem)) => problem,
            };
            return Err(anyhow!(
                "{}: expected {what} ({}) to be clickable within {timeout} ms, but {why}",
                self.call,
                self.selector(part)
            ));
        };
        let click = MouseActions::new("pointer".into())
            .then(PointerAction::MoveTo {
                duration: None,
                x: at.x,
                y: at.y,
            })
            .then(PointerAction::Down {
                button: MOUSE_BUTTON_LEFT,
            })
            .then(PointerAction::Up {
                button: MOUSE_BUTTON_LEFT,
            });
        let clicked = self
            .webdriver(
                "clicking",
                |c| async move { c.perform_actions(click).await },
            )
            .await?;
        clicked.map_err(|e| self.command_error(e, &format!("failed to click {what}")))
    }

    /// Types into the widget part as a visitor does: once it is displayed it gets the
    /// focus (caret at the end), then real key presses (WebDriver key codes such as
    /// Enter, `\u{E007}`, work).
    pub async fn type_into(&mut self, part: Part, keys: &str) -> anyhow::Result<()> {
        #[derive(Deserialize)]
        struct Focus {
            vis: Vis,
            active: Option<String>,
            /// The element as a WebDriver reference, when it can be one (not in a frame).
            element: Option<serde_json::Map<String, Value>>,
        }
        let timeout = self.timeout_ms();
        let waited: Waited<Focus> = self
            .query("focus", part, json!({ "timeout": timeout }))
            .await?;
        let focus = waited.seen;
        self.check_profile(&focus.vis)?;
        if !waited.met {
            let why = match focus.vis.state {
                VisState::Displayed => format!(
                    "it did not take the focus (the focus is on {})",
                    focus.active.as_deref().unwrap_or("nothing")
                ),
                _ => focus.vis.describe(),
            };
            return Err(anyhow!(
                "{}: expected to type into the {part} ({}) within {timeout} ms, but {why}",
                self.call,
                self.selector(part)
            ));
        }
        let reference = focus
            .element
            .and_then(|e| e.get(WEB_ELEMENT).and_then(Value::as_str).map(String::from));
        let typed = match reference {
            // Element send-keys (focus kept, caret at the end, trusted key events) costs
            // a third of key actions in Firefox.
            Some(id) => {
                let client = self.session().await?.client().clone();
                let element = Element::from_element_id(client, ElementRef::from(id));
                self.within_deadline("typing", element.send_keys(keys))
                    .await?
            }
            None => {
                let mut typing = KeyActions::new("keyboard".into());
                for c in keys.chars() {
                    typing = typing
                        .then(KeyAction::Down { value: c })
                        .then(KeyAction::Up { value: c });
                }
                self.webdriver("typing", |c| async move { c.perform_actions(typing).await })
                    .await?
            }
        };
        typed.map_err(|e| self.command_error(e, &format!("failed to type into the {part}")))
    }

    /// A failed WebDriver command: a harness fault when the browser or driver is gone,
    /// otherwise a failure of the call under test.
    pub fn command_error(&mut self, e: CmdError, doing: &str) -> anyhow::Error {
        if is_harness_fault(&e) {
            self.fault(format!("browser session lost ({doing}): {e}"))
        } else {
            anyhow!("{}: {doing}, but: {e}", self.call)
        }
    }

    /// Whether the widget became ready within `timeout_ms`: a harness callback (not
    /// recorded) passed to the latched `api.chat.onReady` fired.
    pub async fn ready_within(&mut self, timeout_ms: u64) -> anyhow::Result<bool> {
        self.invoke("ready", json!({ "timeout": timeout_ms })).await
    }

    /// Waits (in the page) until the profile's timing allows "nothing more will happen".
    pub async fn settle(&mut self) -> anyhow::Result<()> {
        let settle = self.settle_ms();
        let _: Value = self.invoke("settle", json!({ "ms": settle })).await?;
        Ok(())
    }
}

/// What the harness sees of a part (query.js `inspect`; "What the harness can see" in
/// docs/profiles.md).
#[derive(Debug, Clone, Deserialize)]
pub struct Vis {
    /// The part's profile key.
    pub part: String,
    pub state: VisState,
    /// How many elements its selectors matched.
    pub count: usize,
    /// Why it is unseen (or hidden without being present), in a widget author's words.
    pub reason: Option<String>,
    /// The profile's selector or scope is not valid CSS.
    #[serde(default)]
    pub invalid: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum VisState {
    /// Present, and at least one element displayed.
    Displayed,
    /// Seen not displayed: present and none displayed, or missing where that is normal.
    Hidden,
    /// No evidence either way: the harness cannot see the part.
    Unseen,
}

impl Vis {
    /// "displayed", "not displayed", or why the harness cannot see the part.
    pub fn describe(&self) -> String {
        match self.state {
            VisState::Displayed => "it was displayed".into(),
            VisState::Hidden if self.count == 0 => self
                .reason
                .clone()
                .unwrap_or_else(|| "it was not displayed".into()),
            VisState::Hidden => "it was not displayed".into(),
            VisState::Unseen => self
                .reason
                .clone()
                .unwrap_or_else(|| "the harness cannot see it".into()),
        }
    }
}

/// An expectation's answer: whether its condition was met while waiting, and the last
/// reading (taken again after settling, for the expectations that settle).
#[derive(Debug, Clone, Deserialize)]
pub struct Waited<T> {
    pub met: bool,
    pub seen: T,
}

/// Errors that say the browser or driver is gone, as opposed to the page misbehaving.
fn is_harness_fault(e: &CmdError) -> bool {
    match e {
        CmdError::Standard(wd) => matches!(
            wd.error,
            ErrorStatus::InvalidSessionId
                | ErrorStatus::SessionNotCreated
                | ErrorStatus::NoSuchWindow
                | ErrorStatus::UnknownError
                | ErrorStatus::UnknownCommand
                | ErrorStatus::UnknownMethod
        ),
        CmdError::Lost(_)
        | CmdError::Failed(_)
        | CmdError::FailedC(_)
        | CmdError::NotJson(_)
        | CmdError::NotW3C(_)
        | CmdError::Json(_) => true,
        _ => false,
    }
}
