"""The README is the configuration reference: every setting the code reads is documented there."""

from verzek.config import Settings

from tests.conftest import REPO_ROOT


def test_every_environment_variable_is_in_the_readme():
    readme = (REPO_ROOT / "README.md").read_text()
    missing = [f.alias for f in Settings.model_fields.values() if f"`{f.alias}`" not in readme]
    assert not missing, f"document these settings in README.md: {missing}"


def test_readme_commands_exist():
    readme = (REPO_ROOT / "README.md").read_text()
    for script in ("scripts/run-local", "scripts/run-tests"):
        assert script in readme
        assert (REPO_ROOT / script).stat().st_mode & 0o111, f"{script} is not executable"
    ci = (REPO_ROOT / ".ci" / "run").read_text()
    assert "scripts/run-tests" in ci
