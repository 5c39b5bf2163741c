from django.views.generic import DetailView, ListView

from ..models import Training


class TrainingListView(ListView):
    template_name = "catalogue/training_list.html"
    paginate_by = 20

    def get_queryset(self):
        return Training.objects.published().select_related("trainer")


class TrainingDetailView(DetailView):
    template_name = "catalogue/training_detail.html"

    def get_queryset(self):
        return Training.objects.published().select_related("trainer")
