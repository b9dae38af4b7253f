#!/usr/bin/python3
"""Independent cross-check (development only; the library never uses Python).

Re-implements the notebooks' pipeline with pandas + scikit-learn, following
the spec, and writes weekly_all.csv, train_summary.json and predictions.csv
for a folder of daily CSVs, so the TypeScript port can be compared on data
other than the shipped golden case.

usage: python3 scripts/notebook_reference.py DATA_DIR OUT_DIR [CUTOFF] [PREDICT_SINCE]
"""
import glob, json, os, sys
import numpy as np
import pandas as pd
from sklearn.linear_model import LinearRegression
from sklearn.preprocessing import StandardScaler
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score

FEATURES = [f"{f}_lag_{l}" for l in (1, 2, 3, 4) for f in ("engagement", "followers", "reach", "impressions")] + [
    "followers", "reach", "impressions", "engagement", "monthly_average_engagement_per_post"]
TARGETS = [f"engagement_future_{d}d" for d in (7, 14, 21, 28)]


def weekly_table(df):
    df = df.copy()
    df["followers"] = pd.to_numeric(df["followers"], errors="coerce")
    df["date"] = pd.to_datetime(df["date"])
    df = df.set_index("date")
    monthly = df.groupby("profile_id").resample("M").agg({"engagement": "sum", "posts": "sum"})
    monthly = monthly.rename(columns={"engagement": "monthly_engagement_sum", "posts": "monthly_posts_sum"}).reset_index()
    monthly["year"] = monthly["date"].dt.year
    monthly["month"] = monthly["date"].dt.month
    monthly = monthly.drop(columns=["date"])
    w = df.groupby("profile_id").resample("W").agg(
        {"followers": "sum", "posts": "sum", "engagement": "sum", "reach": "sum", "impressions": "sum"}).reset_index()
    w["week_of_year"] = w["date"].dt.isocalendar().week
    w["year_week"] = w["date"].dt.strftime("%Y-%U")
    w = w.sort_values(["profile_id", "year_week"]).reset_index(drop=True)
    w["engagement_per_post"] = w["engagement"] / w["posts"]
    w["year"] = w["date"].dt.year
    w["month"] = w["date"].dt.month
    w = w.merge(monthly, on=["profile_id", "year", "month"], how="left")
    w["monthly_average_engagement_per_post"] = w["monthly_engagement_sum"] / w["monthly_posts_sum"]
    w = w.drop(columns=["monthly_engagement_sum", "monthly_posts_sum"])
    w["year"] = w["year_week"].str.split("-").str[0].astype(int)
    w["week"] = w["year_week"].str.split("-").str[1].astype(int)
    g = w.groupby("profile_id")
    for lag in (1, 2, 3, 4):
        for f in ("engagement", "followers", "reach", "impressions"):
            g = w.groupby("profile_id")
            cand = g[f].shift(lag)
            prev_year = g["year"].shift(lag)
            prev_week = g["week"].shift(lag)
            w.loc[w["week"] - lag <= 0, "year"] -= 1
            expected = w["week"] - lag
            expected = expected.where(expected > 0, expected + 52)
            w[f"{f}_lag_{lag}"] = np.where((prev_year == w["year"]) & (prev_week == expected), cand, 0)
    g = w.groupby("profile_id")
    for k, t in enumerate(TARGETS, start=1):
        w[t] = g["engagement_per_post"].shift(-k)
    return w


def main():
    data, out = sys.argv[1], sys.argv[2]
    cutoff = sys.argv[3] if len(sys.argv) > 3 else "2024-07-30"
    since = sys.argv[4] if len(sys.argv) > 4 else None
    os.makedirs(out, exist_ok=True)
    files = sorted(glob.glob(os.path.join(data, "**", "*.csv"), recursive=True))
    df = pd.concat([pd.read_csv(f, dtype={"profile_id": str}) for f in files], ignore_index=True)
    df = df.drop(columns=[c for c in ("likes", "comments") if c in df.columns])
    w = weekly_table(df)
    cols = ["profile_id", "date", "year", "month", "week_of_year", "year_week", "followers", "posts", "engagement", "reach",
            "impressions", "engagement_per_post", "monthly_average_engagement_per_post", "week"] + FEATURES[:16] + TARGETS
    w[cols].to_csv(os.path.join(out, "weekly_all.csv"), index=False, float_format="%.17g", date_format="%Y-%m-%d")
    d = w.dropna(subset=TARGETS)
    d = d[~np.isinf(d[TARGETS]).any(axis=1)]
    n_targets = len(d)
    zero_cols = ["posts", "engagement", "reach", "impressions"] + FEATURES[:16]
    d = d[~(d[zero_cols] == 0).all(axis=1)]
    n_zero = len(d)
    cut = pd.Timestamp(cutoff)
    train, test = d[d["date"] <= cut], d[d["date"] > cut]
    scaler = StandardScaler().fit(train[FEATURES])
    tr, te = train.dropna(subset=FEATURES), test.dropna(subset=FEATURES)
    summary = {"rows": {"weekly_with_targets": n_targets, "after_zero_drop": n_zero, "train": len(tr), "test": len(te)},
               "scaler": {"mean": scaler.mean_.tolist(), "scale": scaler.scale_.tolist(),
                          "n_samples_seen": np.broadcast_to(scaler.n_samples_seen_, (len(FEATURES),)).tolist()},
               "models": {}, "metrics": {}}
    models = {}
    for t in TARGETS:
        m = LinearRegression().fit(tr[FEATURES], tr[t])
        models[t] = m
        p = m.predict(te[FEATURES]) if len(te) else np.array([])
        summary["models"][t] = {"coef": m.coef_.tolist(), "intercept": float(m.intercept_)}
        if len(te) >= 2:
            mse = mean_squared_error(te[t], p)
            summary["metrics"][t] = {"MAE": mean_absolute_error(te[t], p), "MSE": mse, "RMSE": float(np.sqrt(mse)), "R2": r2_score(te[t], p)}
    bs = StandardScaler().fit(train[["followers", "reach", "impressions"]])
    bm = LinearRegression().fit(bs.transform(train[["followers", "reach", "impressions"]]), train[TARGETS[0]])
    if len(test) >= 2:
        bp = bm.predict(bs.transform(test[["followers", "reach", "impressions"]]))
        summary["baseline_7d"] = {"MAE": mean_absolute_error(test[TARGETS[0]], bp), "RMSE": float(np.sqrt(mean_squared_error(test[TARGETS[0]], bp))),
                                  "R2": r2_score(test[TARGETS[0]], bp), "train_rows": len(train), "test_rows": len(test)}
    with open(os.path.join(out, "train_summary.json"), "w") as fh:
        json.dump(summary, fh, indent=1)
    if since:
        recent = df[pd.to_datetime(df["date"]) >= pd.Timestamp(since)]
        pw = weekly_table(recent)
        pw[TARGETS] = pw[TARGETS].fillna(0)
        last = pw.loc[pw.groupby("profile_id")["date"].idxmax()]
        X = last[FEATURES].fillna(0)
        rows = []
        for t, days in zip(TARGETS, (7, 14, 21, 28)):
            pred = np.clip(models[t].predict(X), 0, None)
            for pid, date, v in zip(last["profile_id"], last["date"], pred):
                rows.append((pid, date.strftime("%Y-%m-%d"), f"predicted_{t}", v, (date + pd.Timedelta(days=days)).strftime("%Y-%m-%d"), days))
        rows.sort(key=lambda r: (r[0], r[5]))
        pd.DataFrame([r[:5] for r in rows], columns=["profile_id", "date", "future_period", "predicted_engagement", "prediction_date"]).to_csv(
            os.path.join(out, "predictions.csv"), index=False, float_format="%.17g")


if __name__ == "__main__":
    main()
