"""factory_boy factories shared by every test module."""

from datetime import timedelta
from io import BytesIO

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from articles.models import Article, Category, Comment


def image_file(name="anh.jpg", size=(640, 400), color="#b71c1c", fmt="JPEG") -> SimpleUploadedFile:
    """A real small image upload."""
    out = BytesIO()
    Image.new("RGB", size, color).save(out, fmt)
    content_type = {"JPEG": "image/jpeg", "PNG": "image/png"}.get(fmt, "application/octet-stream")
    return SimpleUploadedFile(name, out.getvalue(), content_type=content_type)


def make_user(username, *, groups=(), password="pass-1234-xyz", **extra):
    """A user in the named groups (groups are created by the articles post_migrate hook)."""
    user = get_user_model().objects.create_user(username=username, password=password, **extra)
    if groups:
        user.groups.set(Group.objects.filter(name__in=groups))
    return user


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category

    name = factory.Sequence(lambda n: f"Chuyên mục {n}")


class ArticleFactory(factory.django.DjangoModelFactory):
    """A draft; use PublishedArticleFactory for what the public sees."""

    class Meta:
        model = Article
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Bài viết số {n} về công tác dân vận")
    category = factory.SubFactory(CategoryFactory)
    lead = "Sapo của bài viết."
    body = "<p>Nội dung bài viết.</p>"
    status = Article.Status.DRAFT
    published_at = factory.LazyFunction(lambda: timezone.now() - timedelta(hours=1))

    @factory.post_generation
    def tags(self, create, extracted, **kwargs):
        if create and extracted:
            self.tags.add(*extracted)


class PublishedArticleFactory(ArticleFactory):
    status = Article.Status.PUBLISHED


class ReviewArticleFactory(ArticleFactory):
    status = Article.Status.REVIEW


class ScheduledArticleFactory(ArticleFactory):
    status = Article.Status.PUBLISHED
    published_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=1))


class CommentFactory(factory.django.DjangoModelFactory):
    """A pending reader comment on a published article; see ApprovedCommentFactory."""

    class Meta:
        model = Comment

    article = factory.SubFactory(PublishedArticleFactory)
    name = factory.Sequence(lambda n: f"Bạn đọc {n}")
    title = factory.Sequence(lambda n: f"Ý kiến số {n}")
    body = "Tôi đồng tình với bài viết."
    client_hash = "test-client"
    status = Comment.Status.PENDING


class ApprovedCommentFactory(CommentFactory):
    status = Comment.Status.APPROVED


class RejectedCommentFactory(CommentFactory):
    status = Comment.Status.REJECTED
