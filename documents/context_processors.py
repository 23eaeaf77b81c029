from django.utils.functional import SimpleLazyObject

from danvan_site import caching


def versions(request):
    """The documents version, for `{% cache %}` fragments that show citation links or documents."""
    return {"documents_version": SimpleLazyObject(lambda: str(caching.version(caching.DOCUMENTS)))}
