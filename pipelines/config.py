"""The monitor's configuration (`monitor.yml`), validated on load with errors a user can act on."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import yaml
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

# The first month the monitor can report: the months of Dagster's partitions start here.
DEFAULT_FIRST_MONTH = "2015-01"


class ConfigError(ValueError):
    """The configuration file is missing or invalid; the message says where and why."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Theme(_Strict):
    name: str
    communities: list[str] = Field(default_factory=list)
    keywords: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _matches_something(self) -> Theme:
        """A theme without keywords or communities matches no message: always 0, never true."""
        if not self.communities and not any(k.strip() for k in self.keywords):
            raise ValueError(
                f"theme '{self.name}' has no keywords and no communities, so no message can "
                "belong to it: give it at least one"
            )
        return self


class Issue(_Strict):
    name: str
    keywords: list[str] = Field(default_factory=list)


class Survey(_Strict):
    scale_max: int = Field(5, ge=2)
    constructs: dict[str, list[str]] = Field(default_factory=dict)
    segment_columns: dict[str, str] = Field(default_factory=dict)
    # how to read a download whose dates (3/4/2026) could be either: dmy or mdy
    date_order: Literal["dmy", "mdy"] | None = None

    @field_validator("constructs")
    @classmethod
    def _questions_on_one_line(cls, constructs: dict[str, list[str]]) -> dict[str, list[str]]:
        """Question texts are matched with their whitespace collapsed, as they are read."""
        return {name: [" ".join(q.split()) for q in qs] for name, qs in constructs.items()}


class Thresholds(_Strict):
    active_community_pct: float = 5.0
    successful_theme_min_contributors: int = 5
    successful_theme_min_response_rate_pct: float = 50.0
    light_green: float = 10.0
    light_red: float = -10.0
    light_min_messages: int = 5
    ambition_visit_initiatie: float = 50.0
    ambition_contribute_informeren: float = 5.0
    ambition_contribute_betrekken: float = 15.0
    ambition_visit_betrekken: float = 80.0
    # below this share of rows matched to the roster, the report and a check say so
    identity_coverage_pct: float = Field(90.0, ge=0, le=100)

    @model_validator(mode="before")
    @classmethod
    def _sentiment_thresholds_moved(cls, data):
        moved = {"sentiment_positive", "sentiment_negative"} & set(data or {})
        if moved:
            raise ValueError(
                f"{', '.join(sorted(moved))} moved to sentiment.thresholds.<language>"
                ".positive / .negative (one pair per language: nl, en, other)"
            )
        return data


class PolarityThresholds(_Strict):
    """A message scoring `positive` or more counts positive, `negative` or less negative,
    anything between neutral."""

    positive: float = Field(ge=-1, le=1)
    negative: float = Field(ge=-1, le=1)

    @model_validator(mode="after")
    def _negative_below_positive(self) -> PolarityThresholds:
        if self.negative >= self.positive:
            raise ValueError(f"negative ({self.negative}) must be below positive ({self.positive})")
        return self


# Calibrated on the tuning halves of the outside labelled sets (benchmarks/sentiment_outside.py
# --calibrate): the pair that best agrees with the true traffic light while the predicted share
# of each class stays within a few points of the true share (BENCHMARKS.md).
CALIBRATED_THRESHOLDS = {
    "nl": PolarityThresholds(positive=0.35, negative=-0.05),
    "en": PolarityThresholds(positive=0.35, negative=-0.05),
    "other": PolarityThresholds(positive=0.35, negative=-0.05),
}


class Sentiment(_Strict):
    """How messages are scored: the lexicons in SQL (default, offline) or a local ONNX
    sentiment model (`backend: model`, `model_path`: its folder, relative to monitor.yml);
    and how scores become positive / neutral / negative, per detected language (nl, en;
    `other` for the rest). Languages left out keep the calibrated pair."""

    backend: Literal["lexicon", "model"] = "lexicon"
    model_path: Path | None = None

    thresholds: dict[Literal["nl", "en", "other"], PolarityThresholds] = Field(
        default_factory=lambda: dict(CALIBRATED_THRESHOLDS)
    )

    @field_validator("thresholds")
    @classmethod
    def _every_language(cls, given: dict) -> dict:
        return CALIBRATED_THRESHOLDS | given

    @model_validator(mode="after")
    def _model_needs_a_folder(self) -> Sentiment:
        if self.backend == "model" and self.model_path is None:
            raise ValueError("backend 'model' needs model_path: the folder of the ONNX model")
        return self


class Ingestion(_Strict):
    """A file whose rows break the input contract in more than `max_bad_rows_pct` % (and at
    least `min_rows_for_threshold` rows read) is the wrong file, not a file with a few bad
    rows: it is quarantined whole with the first problems as examples, none of it stored."""

    max_bad_rows_pct: float = Field(50.0, gt=0, le=100)
    min_rows_for_threshold: int = Field(20, ge=1)


class Delivery(_Strict):
    email_to: list[str] = Field(default_factory=list)
    copy_to_folder: str | None = None


SOURCE_NAMES = Literal[
    "roster",
    "m365_email",
    "m365_teams",
    "viva_engage_usage",
    "viva_engage_export",
    "slack_export",
    "activity",
    "survey",
    "actions",
    "events",
]


class MonthClose(_Strict):
    """When a month's report is rendered on its own: once the month has ended and these
    sources have delivered data for it, or on `deadline_day` of the next month regardless
    (the report then names what was missing). None expected (the default): a month is
    rendered as soon as it has ended and has data, and no source is ever named as missing."""

    expected_sources: list[SOURCE_NAMES] = Field(default_factory=list)
    deadline_day: int = Field(10, ge=1, le=28)


class Alerts(_Strict):
    """Interne webcare: an issue whose 7-day light turns red, or whose daily volume exceeds
    `spike_factor` × the median of the previous `baseline_days` days (and at least
    `spike_min_messages`), is alerted once per issue and day."""

    email_to: list[str] = Field(default_factory=list)
    webhook_url: str | None = None
    spike_factor: float = Field(3.0, gt=1)
    baseline_days: int = Field(28, ge=7)
    spike_min_messages: int = Field(5, ge=1)
    light_window_days: int = Field(7, ge=1)
    lookback_days: int = Field(7, ge=1)

    @field_validator("webhook_url")
    @classmethod
    def _http_url(cls, url: str | None) -> str | None:
        if url is not None and not url.startswith(("http://", "https://")):
            raise ValueError(f"'{url}' is not an http:// or https:// address")
        return url


class Heartbeat(_Strict):
    """The organisation's heartbeat (issue 17): a theme's or issue's day is a *spike* when its
    messages lie `z_threshold` robust z-scores above the median of the previous `window_days`
    days (z = 0.6745 (x - median) / MAD) and reach `min_messages`."""

    z_threshold: float = Field(3.5, gt=0)
    window_days: int = Field(28, ge=7)
    min_messages: int = Field(5, ge=1)


class Ambassadors(_Strict):
    """Who may carry a platform (issue 17, seeds 000 step 5). *First followers*: employees who
    took up a tool while fewer than 16 % of the headcount had (Rogers' innovators and early
    adopters; none where the tool's data begins above that) and whose degree in the month's
    network is in its top `best_connected_pct` %. *Fans*: the `fans` employees whose
    messages drew the most replies and reactions from others in the month, at least
    `min_responses`."""

    best_connected_pct: float = Field(10, gt=0, le=100)
    fans: int = Field(10, ge=1)
    min_responses: int = Field(3, ge=1)


class Advice(_Strict):
    """When the yearly monitor's rules of the method give advice (issue 18): the writers of
    80 % of the messages are at most `concentration_pct` % of all writers (the 20/80 rule); a
    segment's reach beyond e-mail lies `segment_gap_points` or more below the organisation's;
    `silo_pct` % or more of a department's ties stay inside it."""

    concentration_pct: float = Field(20, gt=0, le=100)
    segment_gap_points: float = Field(15, gt=0, le=100)
    silo_pct: float = Field(80, gt=0, le=100)


class MonitorConfig(_Strict):
    organisation: str
    language: Literal["nl", "en"] = "nl"
    # the first month that can be reported (older exports: set it earlier)
    first_month: str = DEFAULT_FIRST_MONTH
    min_group_size: int = Field(10, ge=2)
    trend_months: int = Field(6, ge=2, le=24)
    # Message bodies are removed from the warehouse this many days after they were written;
    # what was derived from them (dbt model int_message_features) stays. null keeps them.
    message_body_retention_days: int | None = Field(730, ge=1)
    themes: list[Theme] = Field(default_factory=list)
    issues: list[Issue] = Field(default_factory=list)
    # words that count as another issue across languages (idea: idee): a hashtag #idea raises
    # the issue idee, and a configured issue's keyword brings its synonyms along
    synonyms: dict[str, str] = Field(default_factory=dict)
    ideas_theme: str | None = None
    survey: Survey = Field(default_factory=Survey)
    segments: list[Literal["department", "location", "role_type", "age_band"]] = Field(
        default_factory=lambda: ["department", "location", "role_type", "age_band"]
    )
    email_baseline_months: list[str] = Field(default_factory=list)
    thresholds: Thresholds = Field(default_factory=Thresholds)
    sentiment: Sentiment = Field(default_factory=Sentiment)
    delivery: Delivery = Field(default_factory=Delivery)
    month_close: MonthClose = Field(default_factory=MonthClose)
    alerts: Alerts = Field(default_factory=Alerts)
    heartbeat: Heartbeat = Field(default_factory=Heartbeat)
    ambassadors: Ambassadors = Field(default_factory=Ambassadors)
    advice: Advice = Field(default_factory=Advice)
    ingestion: Ingestion = Field(default_factory=Ingestion)

    @field_validator("synonyms")
    @classmethod
    def _synonyms_as_hashtags_are_read(cls, synonyms: dict[str, str]) -> dict[str, str]:
        """Lower case without '#': as hashtags and keywords are compared."""
        return {
            word.strip().lstrip("#").lower(): issue.strip().lstrip("#").lower()
            for word, issue in synonyms.items()
        }

    @field_validator("email_baseline_months")
    @classmethod
    def _months_are_yyyy_mm(cls, months: list[str]) -> list[str]:
        for month in months:
            _check_month(month)
        return months

    @field_validator("first_month")
    @classmethod
    def _first_month_is_yyyy_mm(cls, month: str) -> str:
        _check_month(month)
        if month < "2000-01":
            raise ValueError(f"'{month}' is before 2000-01")
        return month


def _check_month(month: str) -> None:
    if len(month) != 7 or month[4] != "-" or not (month[:4] + month[5:]).isdigit():
        raise ValueError(f"'{month}' is not a month in the form YYYY-MM")
    if not 1 <= int(month[5:]) <= 12:
        raise ValueError(f"'{month}' is not a month in the form YYYY-MM")


def load_config(path: Path) -> MonitorConfig:
    """Load and validate `monitor.yml`; every problem is reported with its field path."""
    path = Path(path)
    if not path.is_file():
        raise ConfigError(f"config file not found: {path} (set SNM_CONFIG or pass --config)")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8-sig"))
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: not valid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: expected a mapping of settings at the top level")
    try:
        config = MonitorConfig.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc'])}: {err['msg']}" for err in exc.errors()
        )
        raise ConfigError(f"{path}: {problems}") from exc
    model_path = config.sentiment.model_path
    if model_path is not None and not model_path.expanduser().is_absolute():
        config.sentiment.model_path = (path.parent / model_path.expanduser()).resolve()
    if config.sentiment.backend == "model":
        from .sentiment_model import folder_problem

        problem = folder_problem(config.sentiment.model_path)
        if problem:
            raise ConfigError(f"{path}: sentiment.model_path: {problem}")
    return config
