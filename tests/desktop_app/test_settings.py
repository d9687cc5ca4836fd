"""The app's settings file: recent plans (newest first, at most ten), language, and where it lives."""

from __future__ import annotations

from pathlib import Path

from desktop_app import settings


def test_settings_live_in_the_private_data_folder(private_data_dir: Path) -> None:
    settings.add_recent_file("/plans/a.cplan")
    assert settings.settings_path() == private_data_dir / "settings.ini"
    assert settings.settings_path().is_file()


def test_recent_files_newest_first_without_repeats_at_most_ten(tmp_path: Path) -> None:
    paths = [tmp_path / f"plan-{number}.cplan" for number in range(12)]
    for path in paths:
        settings.add_recent_file(path)
    settings.add_recent_file(paths[5])
    recent = settings.recent_files()
    assert len(recent) == settings.MAX_RECENT_FILES
    assert recent[0] == str(paths[5])
    assert recent[1:4] == [str(paths[11]), str(paths[10]), str(paths[9])]
    assert len(set(recent)) == len(recent)


def test_one_recent_file_round_trips_and_can_be_removed(tmp_path: Path) -> None:
    only = tmp_path / "only.cplan"
    settings.add_recent_file(only)
    assert settings.recent_files() == [str(only)]
    settings.remove_recent_file(only)
    assert settings.recent_files() == []
    settings.add_recent_file(only)
    settings.clear_recent_files()
    assert settings.recent_files() == []


def test_last_language_is_remembered() -> None:
    assert settings.last_language() is None
    settings.set_last_language("ko")
    assert settings.last_language() == "ko"
