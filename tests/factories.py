"""factory_boy factories shared by every test module."""

from datetime import date, timedelta
from io import BytesIO

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from articles.models import Article, ArticleViews, Category, Comment


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

    @factory.post_generation
    def view_count(self, create, extracted, **kwargs):
        """`view_count=N`: the article has been read N times."""
        if create and extracted:
            set_views(self, extracted)


def set_views(article, count: int) -> None:
    """The article's "Lượt xem" is now `count` (as if that many readers had come)."""
    ArticleViews.objects.update_or_create(article=article, defaults={"count": count})


def views_of(article) -> int:
    """The article's "Lượt xem" as stored now."""
    return Article.objects.with_views().values_list("view_count", flat=True).get(pk=article.pk)


class PublishedArticleFactory(ArticleFactory):
    status = Article.Status.PUBLISHED


class ReviewArticleFactory(ArticleFactory):
    status = Article.Status.REVIEW


class ScheduledArticleFactory(ArticleFactory):
    status = Article.Status.PUBLISHED
    published_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=1))


# --- Reports ---------------------------------------------------------------------------------
# Imports here so the articles factories above stay readable on their own.
from reports.models import (  # noqa: E402
    CampaignReport,
    ExemplaryModel,
    Field,
    FieldResult,
    ModelProgress,
    ReportingPeriod,
    StaffProfile,
    Unit,
)
from reports.roles import PROVINCE_GROUP, UNIT_GROUP  # noqa: E402


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Unit

    name = factory.Sequence(lambda n: f"Huyện Thử Nghiệm {n}")
    kind = Unit.Kind.DISTRICT
    order = factory.Sequence(lambda n: 100 + n)


class FieldFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Field

    name = factory.Sequence(lambda n: f"Lĩnh vực thử {n}")
    order = factory.Sequence(lambda n: 100 + n)


class ReportingPeriodFactory(factory.django.DjangoModelFactory):
    """An open period whose deadline is a month away."""

    class Meta:
        model = ReportingPeriod

    name = factory.Sequence(lambda n: f"Kỳ thử nghiệm {n}")
    year = 2025
    kind = ReportingPeriod.Kind.YEAR
    deadline = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=30))
    is_open = True


class CampaignReportFactory(factory.django.DjangoModelFactory):
    """A draft; the status subclasses below set who acted and when."""

    class Meta:
        model = CampaignReport

    unit = factory.SubFactory(UnitFactory)
    period = factory.SubFactory(ReportingPeriodFactory)
    summary = "<p>Đánh giá chung của đơn vị.</p>"
    status = CampaignReport.Status.DRAFT


class SubmittedReportFactory(CampaignReportFactory):
    status = CampaignReport.Status.SUBMITTED
    submitted_at = factory.LazyFunction(timezone.now)
    first_submitted_at = factory.SelfAttribute("submitted_at")


class ApprovedReportFactory(SubmittedReportFactory):
    status = CampaignReport.Status.APPROVED
    reviewed_at = factory.LazyFunction(timezone.now)


class ReturnedReportFactory(SubmittedReportFactory):
    status = CampaignReport.Status.RETURNED
    reviewed_at = factory.LazyFunction(timezone.now)
    review_note = "Bổ sung số liệu lĩnh vực kinh tế."


class FieldResultFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FieldResult

    report = factory.SubFactory(CampaignReportFactory)
    field = factory.SubFactory(FieldFactory)


class ExemplaryModelFactory(factory.django.DjangoModelFactory):
    """A model of `report`'s unit, recorded in `report` at `stage` (its `ModelProgress`);
    `report=None` with a `unit` makes a model no report recorded yet."""

    class Meta:
        model = ExemplaryModel

    report = factory.SubFactory(ApprovedReportFactory)
    unit = factory.LazyAttribute(lambda o: o.report.unit)
    name = factory.Sequence(lambda n: f"Mô hình dân vận khéo số {n}")
    field = factory.LazyFunction(lambda: Field.objects.active().first())
    kind = ExemplaryModel.Kind.COLLECTIVE
    holder = "Bản Khe Rạn, xã Bồng Khê"
    stage = ExemplaryModel.Stage.RECOGNIZED
    description = "Vận động bà con làm du lịch cộng đồng."
    results = "Hơn 40 hộ có thu nhập thêm."

    @classmethod
    def _create(cls, model_class, *args, report=None, **kwargs):
        model = super()._create(model_class, *args, **kwargs)
        if report is not None:
            ModelProgress.objects.create(report=report, model=model, stage=model.stage)
        return model


def make_unit_user(username, unit, **extra):
    """A "Cán bộ đơn vị" of `unit`."""
    user = make_user(username, groups=[UNIT_GROUP], **extra)
    StaffProfile.objects.create(user=user, unit=unit)
    return user


def make_province_user(username="province", **extra):
    """A "Cán bộ tỉnh": reviews every report."""
    return make_user(username, groups=[PROVINCE_GROUP], **extra)


def figures(reg_c=0, reg_i=0, rec_c=0, rec_i=0, com_c=0, com_i=0, *, built=None) -> dict:
    """A FieldResult's figures as keyword arguments, from (registered, recognized, commended) ×
    (collective, individual) by position; `built` (collective, individual) defaults to the
    recognized figures, the fewest built models the others allow."""
    built_c, built_i = built or (rec_c, rec_i)
    values = (reg_c, reg_i, built_c, built_i, rec_c, rec_i, com_c, com_i)
    return dict(zip(FieldResult.FIGURES, values, strict=True))


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


# --- Sub-sites -------------------------------------------------------------------------------
from articles.models import Subsite  # noqa: E402


class SubsiteFactory(factory.django.DjangoModelFactory):
    """A current unit's sub-site; `is_archived=True` for a former unit's archive (a district that
    ended on 30/06/2025: an archive follows its unit's end date)."""

    class Meta:
        model = Subsite

    class Params:
        is_archived = factory.Trait(unit=factory.SubFactory(UnitFactory, valid_to=date(2025, 6, 30)))

    unit = factory.SubFactory(UnitFactory)
    name = factory.LazyAttribute(lambda o: f"Trang {o.unit.name}")
