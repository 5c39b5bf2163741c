from django.views.generic import DetailView, ListView

from ..models import Expert


class ExpertListView(ListView):
    template_name = "experts/expert_list.html"
    paginate_by = 20

    def get_queryset(self):
        return Expert.objects.public()


class ExpertDetailView(DetailView):
    template_name = "experts/expert_detail.html"

    def get_queryset(self):
        return Expert.objects.public()
