// Alertmanager template references to the series' labels, shared by the annotations of every subject.
export const dev = "{{ $labels.device }}";
export const site = "{{ $labels.site }}";
