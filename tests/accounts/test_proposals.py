"""A verified municipal user proposes a practice; editors send it back or publish it."""

import pytest
from django.core import mail

from practices.models import Practice, Sector
from tests.factories import UserFactory
from tests.helpers import admin_form_data

pytestmark = pytest.mark.django_db

TEXTS = {
    "title": "Суу түтүгүн чогуу оңдоо",
    "summary": "Айыл өкмөтү жана тургундар суу түтүгүн оңдошту.",
    "situation_before": "Үйлөрдүн жарымында суу жок болчу.",
    "process": "Жыйын өткөрүлдү, акча чогултулду, түтүк алмаштырылды.",
    "results": "Бардык үйлөргө суу келди.",
    "total_cost": "1200000",
    "own_contribution": "300000",
}


def start(client, user, language="ky", title=TEXTS["title"]):
    client.force_login(user)
    response = client.post("/ky/account/practices/new/", {"text_language": language, "title": title})
    assert response.status_code == 302, response.content.decode()[:2000]
    return Practice.objects.get(proposed_by=user)


def form_data(**changes):
    data = {**TEXTS, "sectors": [Sector.objects.get(slug="drinking-water").pk]}
    data.update(changes)
    return data


def test_the_whole_journey_draft_submit_send_back_resubmit_publish(
    client, municipal_user, editor, mailoutbox, django_capture_on_commit_callbacks
):
    practice = start(client, municipal_user)
    assert practice.status == Practice.Status.DRAFT
    assert practice.municipality == municipal_user.municipality
    assert practice.title_ky == TEXTS["title"]

    # A draft is saved with only part of the text, and is private.
    client.post(
        f"/ky/account/practices/{practice.pk}/", {"title": TEXTS["title"], "summary": TEXTS["summary"], "save": ""}
    )
    practice.refresh_from_db()
    assert practice.summary_ky == TEXTS["summary"]
    assert client.get(f"/ky/practices/{practice.slug}/").status_code == 404

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/ky/account/practices/{practice.pk}/", form_data(submit=""))
    assert response.status_code == 302
    practice.refresh_from_db()
    assert practice.status == Practice.Status.IN_REVIEW
    assert practice.total_cost == 1_200_000
    # The author hears back (in Kyrgyz, their e-mail language); the editor is told there is work.
    assert sorted(message.to[0] for message in mailoutbox) == sorted([municipal_user.email, editor.email])

    # While in review the author cannot change it.
    response = client.post(f"/ky/account/practices/{practice.pk}/", form_data(title="Changed", save=""))
    assert response.status_code == 302
    assert response["Location"] == f"/ky/account/practices/{practice.pk}/"
    practice.refresh_from_db()
    assert practice.title_ky == TEXTS["title"]

    # The editor sends it back from the admin with a comment; the comment is required.
    client.force_login(editor)
    client.cookies["django_language"] = "en"  # the admin has no language prefix
    change_url = f"/admin/practices/practice/{practice.pk}/change/"
    admin_page = client.get(change_url)
    assert admin_page.status_code == 200
    data = admin_form_data(admin_page)
    data.update(status="sent_back", review_comment="")
    assert "Write what the author should change" in client.post(change_url, data).content.decode()
    mailoutbox.clear()
    data["review_comment"] = "Бюджетти толуктаңыз: ким канча берди?"
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(change_url, data).status_code == 302
    practice.refresh_from_db()
    assert practice.status == Practice.Status.SENT_BACK
    assert len(mailoutbox) == 1
    assert "Бюджетти толуктаңыз" in mailoutbox[0].body
    assert mailoutbox[0].alternatives[0][1] == "text/html"

    # The author sees the comment, edits and submits again.
    client.force_login(municipal_user)
    page = client.get(f"/ky/account/practices/{practice.pk}/").content.decode()
    assert "Бюджетти толуктаңыз" in page
    client.post(f"/ky/account/practices/{practice.pk}/", form_data(other_sources="900000", submit=""))
    practice.refresh_from_db()
    assert practice.status == Practice.Status.IN_REVIEW
    assert practice.other_sources == 900_000

    # The editor publishes it; the author is told, and the practice is public.
    client.force_login(editor)
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/admin/practices/practice/", {"action": "publish", "_selected_action": [practice.pk]})
    practice.refresh_from_db()
    assert practice.status == Practice.Status.PUBLISHED
    assert [message.to for message in mailoutbox] == [[municipal_user.email]]
    assert f"/ky/practices/{practice.slug}/" in mailoutbox[0].body
    assert client.get(f"/ky/practices/{practice.slug}/").status_code == 200


def test_submitting_an_incomplete_draft_keeps_the_text_and_marks_what_is_missing(client, municipal_user, mailoutbox):
    practice = start(client, municipal_user)
    response = client.post(
        f"/ky/account/practices/{practice.pk}/", {"title": TEXTS["title"], "summary": TEXTS["summary"], "submit": ""}
    )
    assert response.status_code == 400
    practice.refresh_from_db()
    assert practice.status == Practice.Status.DRAFT
    assert practice.summary_ky == TEXTS["summary"]
    # Each section a submission needs and the draft lacks is marked, and nothing else.
    assert sorted(response.context["form"].errors) == ["process", "results", "sectors", "situation_before"]
    assert response.content.decode().count('class="errorlist"') == 4
    assert not mailoutbox


def test_another_users_draft_answers_404(client, municipal_user):
    practice = start(client, municipal_user)
    neighbour = UserFactory(
        municipality=municipal_user.municipality, municipality_verified_at=municipal_user.municipality_verified_at
    )
    client.force_login(neighbour)
    assert client.get(f"/ky/account/practices/{practice.pk}/").status_code == 404
    assert client.post(f"/ky/account/practices/{practice.pk}/", form_data(save="")).status_code == 404
    assert client.post(f"/ky/account/practices/{practice.pk}/delete/").status_code == 404
    assert Practice.objects.filter(pk=practice.pk).exists()


def test_an_editors_own_practice_is_not_reachable_from_the_cabinet(client, municipal_user):
    from tests.factories import PracticeFactory

    practice = PracticeFactory(status="draft")
    client.force_login(municipal_user)
    assert client.get(f"/ky/account/practices/{practice.pk}/").status_code == 404


def test_an_unverified_user_cannot_propose(client, outsider):
    client.force_login(outsider)
    response = client.get("/en/account/practices/new/")
    assert response.status_code == 403
    assert "Only users verified as working for a municipality" in response.content.decode()
    response = client.post("/en/account/practices/new/", {"text_language": "en", "title": "Mine"})
    assert response.status_code == 403
    assert not Practice.objects.filter(proposed_by=outsider).exists()


def test_a_user_who_moved_municipality_can_no_longer_edit_their_draft(client, municipal_user):
    from portal.models import Municipality

    practice = start(client, municipal_user)
    municipal_user.municipality = Municipality.objects.get(slug="ak-beshim")
    municipal_user.clear_verification_if_moved(practice.municipality_id)
    municipal_user.save()
    response = client.post(f"/en/account/practices/{practice.pk}/", form_data(title="Other", save=""), follow=True)
    assert response.redirect_chain == [(f"/en/account/practices/{practice.pk}/", 302)]
    assert "This practice can no longer be changed from your account." in response.content.decode()
    practice.refresh_from_db()
    assert practice.title_ky == TEXTS["title"]


def test_the_author_deletes_a_draft(client, municipal_user):
    practice = start(client, municipal_user)
    assert client.post(f"/ky/account/practices/{practice.pk}/delete/").status_code == 302
    assert not Practice.objects.filter(pk=practice.pk).exists()


def test_a_proposal_written_in_russian_fills_the_russian_columns(client, municipal_user):
    practice = start(client, municipal_user, language="ru", title="Ремонт водопровода")
    client.post(f"/ru/account/practices/{practice.pk}/", form_data(title="Ремонт водопровода", save=""))
    practice.refresh_from_db()
    assert practice.title_ru == "Ремонт водопровода"
    assert practice.summary_ru == TEXTS["summary"]
    assert not practice.title_ky


def test_the_emails_have_text_and_html_in_the_authors_language(
    client, municipal_user, mailoutbox, django_capture_on_commit_callbacks
):
    municipal_user.preferred_language = "en"
    municipal_user.save()
    practice = start(client, municipal_user)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/ky/account/practices/{practice.pk}/", form_data(submit=""))
    message = mailoutbox[0]
    assert message.subject == f'We received your practice "{TEXTS["title"]}"'
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert f"/en/account/practices/{practice.pk}/" in message.body
    # Plain text is not HTML-escaped: the quotes round the title stay quotes.
    assert f'your practice "{TEXTS["title"]}" has been sent' in message.body
    assert "&quot;" not in message.body


def test_an_author_who_reads_kyrgyz_gets_the_send_back_in_kyrgyz(municipal_user, django_capture_on_commit_callbacks):
    from practices.proposals import send_back, start_proposal

    practice = start_proposal(municipal_user, "ru", "Ремонт водопровода")
    with django_capture_on_commit_callbacks(execute=True):
        send_back(practice, "Добавьте бюджет <b>проекта</b>.")
    message = mail.outbox[-1]
    assert message.subject == "«Ремонт водопровода» тажрыйбаңызды оңдоо керек"
    assert "Добавьте бюджет <b>проекта</b>." in message.body
    html = message.alternatives[0][0]
    # The comment is text: in the HTML part it is escaped, never markup.
    assert "Добавьте бюджет &lt;b&gt;проекта&lt;/b&gt;." in html
    assert f"/ky/account/practices/{practice.pk}/" in html


def test_a_long_title_gets_a_slug_that_fits(client, municipal_user):
    title = "Айыл аймагынын бардык көчөлөрүн күн энергиясы менен жарыктандыруу жана аны тейлөө тажрыйбасы"
    practice = start(client, municipal_user, title=title)
    assert len(practice.slug) <= 50
    second = start_proposal_for(municipal_user, title)
    assert second.slug != practice.slug and len(second.slug) <= 50


def start_proposal_for(user, title):
    from practices.proposals import start_proposal

    return start_proposal(user, "ky", title)


def test_the_contact_name_is_stored_in_the_language_of_the_text(client, municipal_user):
    practice = start(client, municipal_user, language="ru", title="Ремонт водопровода")
    client.post(f"/en/account/practices/{practice.pk}/", form_data(title="Ремонт водопровода", contact_name="Айгуль"))
    practice.refresh_from_db()
    assert practice.contact_name_ru == "Айгуль"
    assert not practice.contact_name_en


def test_when_smtp_is_down_the_submission_still_succeeds(
    client, municipal_user, monkeypatch, django_capture_on_commit_callbacks
):
    from django.core.mail import EmailMultiAlternatives

    def refuse(self, *args, **kwargs):
        raise ConnectionRefusedError("smtp down")

    monkeypatch.setattr(EmailMultiAlternatives, "send", refuse)
    practice = start(client, municipal_user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/ky/account/practices/{practice.pk}/", form_data(submit=""))
    assert response.status_code == 302
    practice.refresh_from_db()
    assert practice.status == Practice.Status.IN_REVIEW


def test_unpublishing_from_the_list_leaves_proposals_to_their_review(admin_client, municipal_user):
    from tests.factories import PracticeFactory

    proposal = PracticeFactory(proposed_by=municipal_user)
    admin_client.cookies["django_language"] = "en"  # the admin has no language prefix
    response = admin_client.post(
        "/admin/practices/practice/",
        {"action": "send_back_to_draft", "_selected_action": [proposal.pk]},
        follow=True,
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "1 practice proposed by a user was left as it is" in html
    assert "0 practices sent back to draft." in html
    proposal.refresh_from_db()
    assert proposal.status == Practice.Status.PUBLISHED
