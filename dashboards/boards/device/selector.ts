// The one device the board shows, chosen by its $device variable: every panel's query selects it.
import * as M from "../../../collectors/metric-names";

export const ONE_DEVICE = `${M.LABEL_DEVICE}="$device"`;
