"""What makes the library stale (danvan_site.caching), and the citation index of articles."""

from django.db.models.signals import m2m_changed, post_delete, post_save

from danvan_site import caching

from .citations import refresh_article_citations
from .models import Document


def documents_changed(**kwargs):
    caching.bump(caching.DOCUMENTS)


def article_saved(instance, update_fields=None, **kwargs):
    # Saves that cannot change the body (trash, restore) leave the citations as they are.
    if update_fields is not None and "body" not in update_fields:
        return
    refresh_article_citations(instance)


def connect():
    from articles.models import Article
    from reports.models import Field

    post_save.connect(documents_changed, sender=Document, dispatch_uid="documents-save")
    post_delete.connect(documents_changed, sender=Document, dispatch_uid="documents-delete")
    # A field's name is shown on documents and in the list's filter.
    post_save.connect(documents_changed, sender=Field, dispatch_uid="documents-field-save")
    post_delete.connect(documents_changed, sender=Field, dispatch_uid="documents-field-delete")
    for through in (Document.fields.through, Document.replaces.through, Document.amends.through):
        m2m_changed.connect(
            documents_changed, sender=through, dispatch_uid=f"documents-m2m-{through.__name__}"
        )
    post_save.connect(article_saved, sender=Article, dispatch_uid="documents-article-citations")
