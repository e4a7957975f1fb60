"""The Bass fit against a curve whose parameters are known."""

import pytest

from pipelines import adoption


def test_the_fit_recovers_a_known_curve_and_forecasts_it_six_months_on():
    p, q, m = 0.03, 0.38, 0.8
    shares = [100 * float(adoption.bass_share(t, p, q, m)) for t in range(1, 13)]
    fitted = adoption.fit(shares)
    assert fitted.status == "fitted"
    assert (fitted.p, fitted.q, fitted.m) == pytest.approx((p, q, m), abs=1e-4)
    assert fitted.rmse_pts == pytest.approx(0.0, abs=1e-3)
    # F(18) = 0.8 (1 - 0.000624) / (1 + 12.667 x 0.000624) = 0.7995 / 1.0079 = 79.32 %
    assert fitted.forecast_pct == pytest.approx(100 * float(adoption.bass_share(18, p, q, m)))
    assert fitted.forecast_pct == pytest.approx(79.32, abs=0.01)
    assert fitted.low_pct <= fitted.forecast_pct <= fitted.high_pct


def test_a_noisy_curve_has_a_fit_error_and_a_wider_interval():
    exact = [100 * float(adoption.bass_share(t, 0.02, 0.5, 0.6)) for t in range(1, 9)]
    noisy = [v + (1.5 if i % 2 else -1.5) for i, v in enumerate(exact)]
    fitted = adoption.fit(noisy)
    assert fitted.status == "fitted"
    assert 1.0 < fitted.rmse_pts < 1.6  # the ±1.5-point wobble, less what the fit absorbs
    assert fitted.high_pct - fitted.low_pct > 0.5


def test_before_six_months_there_is_not_enough_history_and_nobody_gives_no_curve():
    assert adoption.fit([1.0, 2.0, 4.0, 7.0, 11.0]) == adoption.BassFit("not_enough_history")
    assert adoption.fit([0.0] * 8).status == "no_adopters"
