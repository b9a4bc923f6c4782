export default function Placeholder() {
  return <p className="empty">…</p>;
}
