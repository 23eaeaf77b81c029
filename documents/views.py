import hashlib
from urllib.parse import urlencode

from csp.constants import SELF
from csp.decorators import csp_replace
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import FileResponse, Http404
from django.utils.functional import SimpleLazyObject
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.generic import DetailView, ListView
from django.views.generic.detail import SingleObjectMixin

from articles.models import Subsite
from articles.roles import limited_subsite_ids
from danvan_site import caching
from danvan_site.pagination import KeptCountPaginator

from . import files
from .forms import DocumentFilterForm
from .models import Document
from .search import ranked_ids

PER_PAGE = 20
CITING_ARTICLES = 20
MISSING_FILE = "Tệp văn bản hiện không có trên máy chủ; vui lòng liên hệ ban biên tập."


class DocumentListView(ListView):
    """`/van-ban/`: newest first, filtered by kind, issuer, field and year, searched with `q`."""

    template_name = "documents/list.html"
    context_object_name = "documents"
    paginate_by = PER_PAGE

    def get_queryset(self):
        self.filter_form = DocumentFilterForm(self.request.GET or None)
        self.values = self.filter_form.values()
        qs = self.filter_form.filter(Document.objects.public().for_list(), self.values)
        self.query = self.values.get("q", "")
        if self.query:
            # A search is a list of ids, best first, kept until a document changes.
            return caching.get_or_set(
                caching.DOCUMENTS, self.key("search"), lambda: ranked_ids(qs, self.query)
            )
        return qs.newest()

    def key(self, prefix: str) -> str:
        return f"{prefix}:" + hashlib.md5(self.filters().encode(), usedforsecurity=False).hexdigest()

    def filters(self) -> str:
        """The valid filters of this request, in a stable order: what the list depends on."""
        return urlencode(sorted(self.values.items()))

    def get_paginator(self, queryset, per_page, **kwargs):
        if self.query:
            return Paginator(queryset, per_page, **kwargs)  # a list of ids: its length is the count
        return KeptCountPaginator(
            queryset, per_page, namespace=caching.DOCUMENTS, key=self.key("list"), **kwargs
        )

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        if self.query:
            # The page's documents, read only when its kept fragment is missing (list.html).
            ids = list(ctx["page_obj"].object_list)
            ctx["documents"] = SimpleLazyObject(lambda: documents_in_order(ids))
        ctx["filter_form"] = self.filter_form
        ctx["filter_notices"] = self.filter_form.notices()
        ctx["filters"] = self.filters()
        ctx["query"] = self.query
        return ctx


def documents_in_order(ids: list[int]) -> list[Document]:
    found = Document.objects.for_list().in_bulk(ids)
    return [found[pk] for pk in ids if pk in found]


class PublicDocumentMixin(SingleObjectMixin):
    def get_queryset(self):
        # Staff who may edit documents see an unpublished one too (a preview); an editor limited
        # to sub-sites, only their own units' unpublished ones (as in the admin).
        user = self.request.user
        documents = Document.objects.for_list()  # the page shows no extracted text
        if not user.has_perm("documents.change_document"):
            return documents.public()
        allowed = limited_subsite_ids(user)
        if allowed is None:
            return documents
        return documents.filter(Q(is_published=True) | Q(subsite_id__in=allowed))

    def get_object(self, queryset=None):
        slug = self.kwargs["slug"]
        if len(slug) > Document._meta.get_field("slug").max_length:
            raise Http404("Không có văn bản này.")
        if self.request.user.has_perm("documents.change_document"):
            return super().get_object(queryset)
        # The public document is kept until a document changes.
        return caching.get_or_set(
            caching.DOCUMENTS,
            f"document:{slug}",
            lambda: super(PublicDocumentMixin, self).get_object(queryset),
        )


class DocumentDetailView(PublicDocumentMixin, DetailView):
    template_name = "documents/detail.html"
    context_object_name = "document"

    def get_context_data(self, **kwargs):
        from articles.models import Article

        ctx = super().get_context_data(**kwargs)
        document = self.object
        ctx["document_subsite"] = Subsite.cached(document.subsite_id)
        ctx["file_present"] = document.file_present()
        ctx["missing_file_notice"] = MISSING_FILE
        ctx["is_pdf"] = document.file_kind == files.PDF
        # Read only when the kept fragment is missing (templates/documents/detail.html).
        ctx["relations"] = SimpleLazyObject(lambda: relations(document))
        ctx["citing"] = SimpleLazyObject(
            lambda: list(
                Article.objects.published()
                .for_list()
                .filter(document_citations__number_key=document.number_key)
                .newest()[:CITING_ARTICLES]
            )
        )
        return ctx


def relations(document: Document) -> dict:
    """The document's fields, the documents it replaces or amends and those that replace or
    amend it (published ones only, newest first)."""

    def listed(manager):
        return list(manager.public().for_list().newest())

    return {
        "fields": list(document.fields.all()),
        "replaces": listed(document.replaces),
        "replaced_by": listed(document.replaced_by),
        "amends": listed(document.amends),
        "amended_by": listed(document.amended_by),
    }


@xframe_options_sameorigin
@csp_replace({"frame-ancestors": [SELF]})
def document_file(request, slug):
    """The PDF shown inside the document page: the only response the site lets a page of its
    own origin frame (X-Frame-Options SAMEORIGIN and CSP frame-ancestors 'self')."""
    return _file_response(request, slug, inline=True)


def document_download(request, slug):
    """The file as a download, under a safe name made from the slug."""
    return _file_response(request, slug, inline=False)


def _file_response(request, slug, inline):
    view = PublicDocumentMixin()
    view.request, view.kwargs = request, {"slug": slug}
    document = view.get_object(view.get_queryset())
    if not document.file or (inline and document.file_kind != files.PDF):
        raise Http404("Văn bản này không có tệp PDF.")
    try:
        handle = document.file.open("rb")
    except FileNotFoundError:
        raise Http404(MISSING_FILE) from None
    response = FileResponse(
        handle,
        as_attachment=not inline,
        filename=document.download_name(),
        content_type=files.CONTENT_TYPES.get(document.file_kind, "application/octet-stream"),
    )
    response["Cache-Control"] = "public, max-age=3600" if document.is_published else "private, no-store"
    return response
