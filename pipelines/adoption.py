"""The Bass diffusion model fitted to a tool's adoption (issue 17): how fast the rest of the
organisation is likely to follow, from the share of employees who ever used the tool month
by month. SQL has no curve fitting, so the dbt Python model int_adoption_bass calls this.

Bass: the cumulative share adopted after t months is
    F(t) = m (1 - e^-(p+q)t) / (1 + (q/p) e^-(p+q)t)
with p the pull of outside influence (innovation), q of imitation (colleagues) and m the
share that will adopt in the end. t counts from the tool's first month with data (t = 1), so a
tool in use long before the data starts fits less well, which its fit error shows. Fitted by
least squares (scipy) from MIN_HISTORY months on. The forecast HORIZON months ahead carries the
90% prediction interval of nonlinear least squares: ± t(0.95, n - 3) × sqrt(s² + g' C g), s the
residual standard error, C the parameters' covariance and g the forecast's gradient in them
(the delta method); where C is unknown (a parameter at its bound) the interval rests on s
alone, and it never leaves 0..100 %."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

MIN_HISTORY = 6
HORIZON = 6
MAX_Q = 3.0


@dataclass(frozen=True)
class BassFit:
    status: str  # fitted, not_enough_history, no_adopters, no_fit
    p: float | None = None
    q: float | None = None
    m: float | None = None
    rmse_pts: float | None = None  # root mean square error, percentage points
    forecast_pct: float | None = None
    low_pct: float | None = None
    high_pct: float | None = None


def bass_share(t, p, q, m):
    """F(t), the cumulative share adopted after t months (0..m)."""
    decay = np.exp(-(p + q) * np.asarray(t, dtype=float))
    return m * (1 - decay) / (1 + (q / p) * decay)


def fit(shares_pct: Sequence[float]) -> BassFit:
    """The Bass fit of a tool's monthly cumulative adoption (%, oldest first) and its forecast
    HORIZON months after the last month."""
    if len(shares_pct) < MIN_HISTORY:
        return BassFit("not_enough_history")
    shares = np.asarray(shares_pct, dtype=float) / 100
    if shares.max() <= 0:
        return BassFit("no_adopters")
    from scipy.optimize import curve_fit  # 2 s to import: only when there is a curve to fit

    months = np.arange(1, len(shares) + 1)
    floor = min(shares.max(), 1 - 1e-9)  # nobody un-adopts: m is at least the share so far
    lower, upper = [1e-6, 0.0, floor], [1.0, MAX_Q, 1.0]
    start = [0.01, 0.3, min(1.0, max(floor * 1.2, floor + 1e-6))]
    try:
        best, covariance = curve_fit(
            bass_share, months, shares, p0=start, bounds=(lower, upper), maxfev=20_000
        )
    except (RuntimeError, ValueError):
        return BassFit("no_fit")
    residuals = bass_share(months, *best) - shares
    ahead = len(shares) + HORIZON
    forecast = float(bass_share(ahead, *best))
    low, high = _interval(best, covariance, residuals, ahead, forecast)
    return BassFit(
        "fitted",
        p=float(best[0]),
        q=float(best[1]),
        m=float(best[2]),
        rmse_pts=float(np.sqrt(np.mean(residuals**2)) * 100),
        forecast_pct=forecast * 100,
        low_pct=low,
        high_pct=high,
    )


def _interval(best, covariance, residuals, ahead: int, forecast: float) -> tuple[float, float]:
    """The 90% prediction interval of the forecast, in % (see the module's docstring)."""
    from scipy.stats import t as student

    freedom = max(len(residuals) - len(best), 1)
    variance = float(np.sum(residuals**2)) / freedom
    if np.all(np.isfinite(covariance)):
        step = 1e-6
        gradient = np.array(
            [
                (bass_share(ahead, *(best + step * unit)) - forecast) / step
                for unit in np.eye(len(best))
            ]
        )
        variance += max(float(gradient @ covariance @ gradient), 0.0)
    margin = float(student.ppf(0.95, freedom)) * np.sqrt(variance)
    return (
        float(np.clip((forecast - margin) * 100, 0, 100)),
        float(np.clip((forecast + margin) * 100, 0, 100)),
    )
