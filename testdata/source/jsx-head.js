// A Create React App component with react-helmet, in a .js file.
import { Helmet } from "react-helmet";

export function Analytics({ user }) {
  return (
    <Helmet>
      <script>{`oaiq("init", { pixelId: "px_live_5a3c9e1f", user: { email: "${user.email}" } });`}</script> {/* want "pii-raw" col=69 */}
    </Helmet>
  );
}
