# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""Product files on GitHub: the tracker named by `github:`, its limits, and the self-assessment
read from a repository; errors that name file and path."""

from __future__ import annotations

import pytest

from os2bot.config import ConfigError, Product, load_config
from os2bot.domain import Query

from conftest import write_yaml

REPO = "OS2borgerPC/os2borgerpc-produktforvaltning"


def borgerpc(**changes):
    """A product file for a product on GitHub."""
    data = {"key": "os2borgerpc", "name": "OS2borgerPC", "github": {"repo": REPO}}
    data.update(changes)
    return data


def test_a_product_on_github_names_its_repository_as_its_project():
    """Without `jira`, the tracker is GitHub and the project is the repository."""
    product = Product.model_validate(borgerpc())

    assert (product.tracker, product.project, product.repository) == ("github", REPO, REPO)
    assert product.requests_query == Query(
        labels=("udviklingsønske",), state="open", fields=product.requests_query.fields
    )


def test_a_jira_product_may_name_a_repository_for_its_files():
    """`github` beside `jira` is where the files are: the tracker stays Jira."""
    product = Product.model_validate(borgerpc(jira={"project": "VALGHAL"}))

    assert (product.tracker, product.project, product.repository) == ("jira", "VALGHAL", REPO)
    assert product.readiness is None


def test_the_requests_label_and_readiness_headings_are_the_products():
    """OS2ulf's requests are labelled enhancement and its form's headings answer the points."""
    product = Product.model_validate(
        borgerpc(
            github={
                "repo": "os2ulf/backlog",
                "requests_label": "enhancement",
                "readiness": {"acceptance": ["Acceptance Criteria"]},
            }
        )
    )

    assert product.requests_query.labels == ("enhancement",)
    assert product.readiness == {"acceptance": ["Acceptance Criteria"]}


@pytest.mark.parametrize(
    ("changes", "fragment"),
    [
        ({"github": None}, "names its tracker"),
        ({"github": {"repo": "no-slash"}}, "repo"),
        ({"github": {"repo": REPO, "requests_label": "x" * 51}}, "requests_label"),
        ({"github": {"repo": REPO, "readiness": {"title": ["Title"]}}}, "readiness"),
    ],
)
def test_a_product_file_that_github_could_not_serve_is_refused(changes, fragment):
    """No tracker at all, a repository that is not owner/name, a label over GitHub's 50
    characters, or a point the issue's title already answers, are refused."""
    with pytest.raises(ValueError, match=fragment):
        Product.model_validate(borgerpc(**changes))


def test_people_are_named_on_each_tracker_their_own_way():
    """A person's GitHub login is used for GitHub, the Jira user for Jira."""
    product = Product.model_validate(
        borgerpc(
            coordination_group={
                "lead": {"name": "Lise", "jira_user": "lise.kg", "github_user": "lise-kg"}
            }
        )
    )
    lead = product.coordination_group.lead  # type: ignore[union-attr]

    assert (lead.user_on("github"), lead.user_on("jira")) == ("lise-kg", "lise.kg")


def test_two_products_on_one_repository_are_refused(config_dir):
    """Two product files tracking the same repository: the second is named."""
    write_yaml(config_dir / "products" / "a.yaml", borgerpc(key="a"))
    write_yaml(config_dir / "products" / "b.yaml", borgerpc(key="b"))

    with pytest.raises(ConfigError) as caught:
        load_config(config_dir)

    assert any(
        p.path == "github.repo" and p.file == "products/b.yaml" for p in caught.value.problems
    )


def test_a_self_assessment_in_a_repository_needs_a_repository(config_dir):
    """{path} alone on a Jira product without github.repo names the missing repository."""
    write_yaml(
        config_dir / "products" / "x.yaml",
        {
            "key": "x",
            "name": "X",
            "jira": {"project": "XX"},
            "self_assessment": {"path": "dokumenter/*selvevaluering*.json"},
        },
    )

    with pytest.raises(ConfigError) as caught:
        load_config(config_dir)

    assert [(p.file, p.path, p.message_key) for p in caught.value.problems] == [
        ("products/x.yaml", "self_assessment.repo", "config.no_repository")
    ]


def test_a_github_product_and_its_self_assessment_in_the_repository_load(config_dir):
    """A GitHub product whose self-assessment is a pattern in its own repository loads, and
    the configuration tells each project's tracker."""
    write_yaml(
        config_dir / "products" / "os2borgerpc.yaml",
        borgerpc(self_assessment={"path": "dokumenter/*selvevaluering*.json"}),
    )

    config = load_config(config_dir)

    assert config.tracker_of(REPO) == "github"
    assert config.tracker_of("MO") == "jira"
    assert config.tracker_of("SEK") == "jira"
    assert REPO in config.projects_by_tracker()["github"]
