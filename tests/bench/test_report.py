"""The Dask section of the benchmark report, from figures given by hand (nothing is run)."""

from __future__ import annotations

from strife.bench import report

B = {"art_s": 2.0, "cpu_s": 100.0}
C = {
    "workers": 2, "articles": 600, "words": 195_000, "seconds": 80.0, "art_s": 3.5, "words_s": 2400.0,
    "worker_rss_mb": [900.0, 950.0], "stored": 600, "failed": 0, "events": 958, "writer_cpu_s": 5.0,
    "load_s": 7.0, "workers_cpu_s": 115.0,
}  # fmt: skip


def test_the_dask_section_gives_the_ratio_and_what_the_cpu_time_allows():
    text = "\n".join(report.dask(C, B))
    assert "Ratio c/b: **1.75** (goal ≥ 1.7; meets the goal)." in text
    # (b) used 100 s of CPU; (c) 115 + 5 = 120 s spread over 2 cores: at best 100 * 2 / 120
    assert "CPU: (b) 100 s; (c) workers 115 s and writer 5 s, so c/b on 2 idle cores is at most 1.67." in text
    assert "900, 950 MB" in text and "meets the goal" in text


def test_without_cpu_figures_the_section_says_nothing_about_them():
    text = "\n".join(report.dask({**C, "workers_cpu_s": 0.0, "writer_cpu_s": 0.0}, {"art_s": 2.0}))
    assert "CPU:" not in text and "Ratio c/b: **1.75**" in text


def test_interleaved_halves_are_reported_each_with_its_own_ratio():
    halves = [
        {"articles": 300, "b_s": 60.0, "c_s": 33.0, "b_cpu_s": 58.0, "workers_cpu_s": 62.0, "writer_cpu_s": 3.0},
        {"articles": 300, "b_s": 50.0, "c_s": 31.0, "b_cpu_s": 49.0, "workers_cpu_s": 53.0, "writer_cpu_s": 2.0},
    ]  # fmt: skip
    text = "\n".join(report.dask({**C, "halves": halves}, B))
    assert "in the order b1 c1 c2 b2" in text
    assert "half 1 (300 articles): (b) 60 s, (c) 33 s, c/b 1.82; CPU (b) 58 s, (c) 65 s" in text
    assert "half 2 (300 articles): (b) 50 s, (c) 31 s, c/b 1.61; CPU (b) 49 s, (c) 55 s" in text
    assert "b1 c1" not in "\n".join(report.dask(C, B))  # a run without halves says nothing of them


def test_spacy_timed_on_two_halves_is_one_measure_of_the_whole_and_says_so():
    from strife.bench.speed import summed

    first = {"articles": 300, "words": 90_000, "seconds": 30.0, "art_s": 10.0, "words_s": 3000.0}
    second = {"articles": 300, "words": 110_000, "seconds": 20.0, "art_s": 15.0, "words_s": 5500.0}
    a = summed(first, second)
    assert (a["articles"], a["words"], a["seconds"], a["art_s"]) == (600, 200_000, 50.0, 12.0)
    b = {"art_s": 6.0, "words_s": 2000.0, "seconds": 100.0, "failed": 0, "events": 9, "load_s": 5.0,
         "peak_rss_mb": 900.0}  # fmt: skip
    text = "\n".join(report.single(a, b, {}, "corpus", "all of it"))
    assert "Ratio b/a: **0.50**" in text and "a1 b1 c1 c2 b2 a2" in text and "30 s and 20 s" in text
    assert "a1 b1" not in "\n".join(report.single(first, b, {}, "corpus", "all of it"))
